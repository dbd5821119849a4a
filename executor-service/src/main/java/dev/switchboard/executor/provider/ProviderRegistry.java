package dev.switchboard.executor.provider;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.config.ExecutorConfig.ProviderMode;
import dev.switchboard.executor.provider.replay.ReplayChatProvider;
import dev.switchboard.executor.provider.replay.ReplayIndex;
import dev.switchboard.executor.provider.simulated.SimulatedChatProvider;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters by provider name, built from {@code executor.providers.*}, and the choice of adapter per model:
 * the simulated one for every model in {@code simulated} mode, the replay one in {@code replay} mode, the model's
 * catalog provider in {@code live} mode.
 */
// Built at start-up, not on the first record: building adapters (and loading replay files) would block the event loop.
@Startup
@ApplicationScoped
public class ProviderRegistry {

    private final ProviderMode mode;
    private final SimulatedChatProvider simulated;
    private final ReplayChatProvider replay;
    private final Map<String, ChatProvider> live = new LinkedHashMap<>();

    public ProviderRegistry(ExecutorConfig config, TokenCounter counter) {
        this.mode = config.providerMode();
        this.simulated = new SimulatedChatProvider(config.simulated().latencyMs(), config.simulated().jitterMs(),
                new ChatTokens(counter), Clock.systemUTC());
        this.replay = mode == ProviderMode.REPLAY ? replay(config.replay()) : null;
        config.providers().forEach((name, provider) -> live.put(name, create(name, provider, config.http())));
        Log.infof("provider mode %s; live adapters: %s", mode.name().toLowerCase(), live.values());
    }

    /** The adapter that serves this model, or empty when its provider has none configured (live mode only). */
    public Optional<ChatProvider> forModel(ModelSpec model) {
        if (mode == ProviderMode.SIMULATED) {
            return Optional.of(simulated);
        }
        if (mode == ProviderMode.REPLAY) {
            return Optional.of(replay);
        }
        return Optional.ofNullable(live.get(model.provider()));
    }

    /** The replay provider over {@code executor.replay.data}, read now so a bad file stops the executor at once. */
    private static ReplayChatProvider replay(ExecutorConfig.Replay config) {
        List<Path> files = config.data().orElse(List.of()).stream().filter(f -> !f.isBlank()).map(Path::of).toList();
        ReplayIndex index = ReplayIndex.load(files);
        Log.infof("replay: %d recorded prompts (%d lines) from %s", index.prompts(), index.lines(), files);
        return new ReplayChatProvider(index, config.latencyMs(), Clock.systemUTC());
    }

    public ProviderMode mode() {
        return mode;
    }

    private ChatProvider create(String name, ExecutorConfig.Provider provider, ExecutorConfig.Http http) {
        return switch (provider.kind()) {
            case SIMULATED -> simulated;
            case OPENAI, ANTHROPIC, GEMINI -> LiveAdapters.create(name, provider, http);
        };
    }

    @PreDestroy
    void close() {
        live.values().stream().filter(p -> p != simulated).forEach(ChatProvider::close);
        simulated.close();
        if (replay != null) {
            replay.close();
        }
    }
}
