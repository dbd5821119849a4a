package dev.switchboard.executor.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** Retries, fallbacks, open circuits, rate-limit waits and cascade escalations; tags are bounded. */
final class ResilienceMetrics {

    private final MeterRegistry registry;

    ResilienceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void retry(String provider, String model, String code) {
        Counter.builder("switchboard.executor.retries")
                .description("Provider calls retried on the same model, by the error that caused the retry")
                .tags("provider", provider, "model", model, "code", code)
                .register(registry).increment();
    }

    void gaveUp(String provider, String model, String code) {
        Counter.builder("switchboard.executor.model.exhausted")
                .description("Times a request left a model for its fallbacks (or failed), by the last error")
                .tags("provider", provider, "model", model, "code", code)
                .register(registry).increment();
    }

    void circuitOpened(String key) {
        int slash = key.indexOf('/');
        Counter.builder("switchboard.executor.circuit.opened")
                .description("Times a provider model's circuit breaker opened")
                .tags("provider", key.substring(0, slash), "model", key.substring(slash + 1))
                .register(registry).increment();
    }

    void rateLimitWait(String provider, String model, long nanos) {
        Timer.builder("switchboard.executor.rate.limit.wait")
                .description("Time calls waited for a provider model's rate limit")
                .tags("provider", provider, "model", model)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void escalated(String model) {
        Counter.builder("switchboard.executor.cascade.escalations")
                .description("Drafts the quality gate turned down, by drafter model")
                .tags("model", model)
                .register(registry).increment();
    }
}
