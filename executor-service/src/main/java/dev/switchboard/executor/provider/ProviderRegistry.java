package dev.switchboard.executor.provider;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.config.ExecutorConfig.ProviderMode;
import dev.switchboard.executor.provider.openai.OpenAiChatProvider;
import dev.switchboard.executor.provider.simulated.SimulatedChatProvider;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters by provider name, built from {@code executor.providers.*}, and the choice of adapter per model:
 * the simulated one for every model in {@code simulated} mode, the model's catalog provider in {@code live} mode.
 */
@ApplicationScoped
public class ProviderRegistry {

    private final ProviderMode mode;
    private final SimulatedChatProvider simulated;
    private final Map<String, ChatProvider> live = new LinkedHashMap<>();

    public ProviderRegistry(ExecutorConfig config, TokenCounter counter) {
        this.mode = config.providerMode();
        this.simulated = new SimulatedChatProvider(config.simulated().latencyMs(), config.simulated().jitterMs(),
                new ChatTokens(counter), Clock.systemUTC());
        config.providers().forEach((name, provider) -> live.put(name, create(name, provider, config.http())));
        Log.infof("provider mode %s; live adapters: %s", mode.name().toLowerCase(), live.values());
    }

    /** The adapter that serves this model, or empty when its provider has none configured (live mode only). */
    public Optional<ChatProvider> forModel(ModelSpec model) {
        if (mode == ProviderMode.SIMULATED) {
            return Optional.of(simulated);
        }
        return Optional.ofNullable(live.get(model.provider()));
    }

    public ProviderMode mode() {
        return mode;
    }

    private ChatProvider create(String name, ExecutorConfig.Provider provider, ExecutorConfig.Http http) {
        return switch (provider.kind()) {
            case SIMULATED -> simulated;
            case OPENAI -> {
                String baseUrl = provider.baseUrl().filter(url -> !url.isBlank()).orElseThrow(() ->
                        new IllegalStateException("executor.providers." + name + ".base-url is required for kind openai"));
                Duration timeout = provider.requestTimeout().orElse(http.requestTimeout());
                yield new OpenAiChatProvider(name, baseUrl, provider.apiKey().orElse(null), http.connectTimeout(),
                        timeout);
            }
        };
    }

    @PreDestroy
    void close() {
        live.values().stream().filter(p -> p != simulated).forEach(ChatProvider::close);
        simulated.close();
    }
}
