package dev.switchboard.executor.provider.replay;

import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.config.ExecutorConfig.ProviderMode;
import dev.switchboard.executor.provider.ProviderRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Reads the replay data when the executor starts (not at the first request), so a bad file stops it at once. */
@ApplicationScoped
public class ReplayStartup {

    void onStart(@Observes StartupEvent started, ExecutorConfig config, ProviderRegistry registry) {
        if (config.providerMode() == ProviderMode.REPLAY) {
            registry.mode(); // the registry is created on first use; this is that use
        }
    }
}
