package dev.switchboard.executor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The executor's provider-call metrics; tags are bounded (provider, catalog model, ok|error). */
@ApplicationScoped
public class ExecutorMetrics {

    static final String CALLS = "switchboard.executor.calls";
    static final String CALL_LATENCY = "switchboard.executor.call.latency";

    private final MeterRegistry registry;

    public ExecutorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished provider call. */
    public void call(String provider, String model, boolean ok, long latencyNanos) {
        Counter.builder(CALLS)
                .description("Provider calls by provider, model and outcome")
                .tags("provider", provider, "model", model, "outcome", ok ? "ok" : "error")
                .register(registry)
                .increment();
        Timer.builder(CALL_LATENCY)
                .description("Time from sending a provider call to its reply")
                .tags("provider", provider, "model", model)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry)
                .record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
