package dev.switchboard.executor.resilience;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.executor.provider.ChatProvider;

/** A catalog model and the adapter that serves it. */
public record Target(ModelSpec model, ChatProvider provider) {

    /** The key its circuit breaker and rate limit go by. */
    public String key() {
        return ResiliencePolicy.key(provider.name(), model.id());
    }
}
