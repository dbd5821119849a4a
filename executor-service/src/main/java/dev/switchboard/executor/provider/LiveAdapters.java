package dev.switchboard.executor.provider;

import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.provider.anthropic.AnthropicChatProvider;
import dev.switchboard.executor.provider.gemini.GeminiChatProvider;
import dev.switchboard.executor.provider.http.HttpSettings;
import dev.switchboard.executor.provider.openai.OpenAiChatProvider;

import java.time.Clock;
import java.time.Duration;

/** Builds the HTTP adapter of a configured provider ({@code executor.providers.<name>.*}) for its kind. */
public final class LiveAdapters {

    private LiveAdapters() {
    }

    /** The adapter for a provider of kind openai, anthropic or gemini. */
    public static ChatProvider create(String name, ExecutorConfig.Provider provider, ExecutorConfig.Http http) {
        String kind = provider.kind().name().toLowerCase();
        String baseUrl = provider.baseUrl().filter(url -> !url.isBlank()).orElseThrow(() -> new IllegalStateException(
                "executor.providers." + name + ".base-url is required for kind " + kind));
        Duration timeout = provider.requestTimeout().orElse(http.requestTimeout());
        HttpSettings settings = new HttpSettings(baseUrl, provider.path().orElse(null),
                provider.authHeader().orElse(null), provider.headers(), provider.query(),
                ApiKeys.of(provider.apiKey(), provider.apiKeys()), http.connectTimeout(), timeout);
        Clock clock = Clock.systemUTC();
        try {
            return switch (provider.kind()) {
                case OPENAI -> new OpenAiChatProvider(name, settings, clock);
                case ANTHROPIC -> new AnthropicChatProvider(name, settings, clock);
                case GEMINI -> new GeminiChatProvider(name, settings, clock);
                case SIMULATED -> throw new IllegalArgumentException("the simulated provider has no HTTP adapter");
            };
        } catch (IllegalArgumentException e) {
            // e.g. a header the JDK client refuses to set; the message names headers, never their values
            throw new IllegalStateException("executor.providers." + name + ": " + e.getMessage(), e);
        }
    }
}
