package dev.switchboard.executor.provider.openai;

import dev.switchboard.executor.provider.ApiKeys;
import dev.switchboard.executor.provider.http.HttpChatProvider;
import dev.switchboard.executor.provider.http.HttpSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;

/**
 * Adapter for OpenAI chat completions ({@code POST {base-url}/chat/completions}): OpenAI, and through base URL,
 * path and headers Azure OpenAI, vLLM, Ollama, Groq, OpenRouter, Together and DeepSeek.
 */
public final class OpenAiChatProvider extends HttpChatProvider {

    public OpenAiChatProvider(String name, HttpSettings settings, Clock clock) {
        super(name, new OpenAiWire(), settings, clock);
    }

    /**
     * @param baseUrl the API base, e.g. {@code https://api.openai.com/v1}
     * @param apiKey  the bearer token, or {@code null} for servers that need none
     */
    public OpenAiChatProvider(String name, String baseUrl, String apiKey, Duration connectTimeout,
                              Duration requestTimeout) {
        this(name, HttpSettings.of(baseUrl, ApiKeys.of(Collections.singletonList(apiKey)), connectTimeout,
                requestTimeout), Clock.systemUTC());
    }
}
