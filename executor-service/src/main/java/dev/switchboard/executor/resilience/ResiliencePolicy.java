package dev.switchboard.executor.resilience;

import dev.switchboard.core.resilience.Backoff;
import dev.switchboard.core.resilience.CircuitBreaker;
import dev.switchboard.executor.config.ExecutorConfig;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The resilience settings as plain values, from {@code executor.resilience.*} or written by a test.
 *
 * @param maxRetries    retries of one model after a retryable failure
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting for before moving to a fallback
 * @param rateLimits    limits by {@code "<provider>/<model>"}
 */
public record ResiliencePolicy(int maxRetries, Backoff backoff, Duration maxRetryAfter,
                               CircuitBreaker.Settings breaker, Map<String, Quota> rateLimits) {

    /** One provider model's requests and tokens per minute; empty means not limited. */
    public record Quota(OptionalLong rpm, OptionalLong tpm) {
    }

    public ResiliencePolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("executor.resilience.max-retries must not be negative, was "
                    + maxRetries);
        }
        rateLimits = Map.copyOf(rateLimits);
    }

    public static ResiliencePolicy from(ExecutorConfig.Resilience config) {
        ExecutorConfig.Resilience.CircuitBreaker breaker = config.circuitBreaker();
        Map<String, Quota> limits = new TreeMap<>();
        config.rateLimits().forEach((key, limit) -> limits.put(key, new Quota(limit.rpm(), limit.tpm())));
        return new ResiliencePolicy(config.maxRetries(),
                new Backoff(config.baseDelay(), config.maxDelay(), config.jitter()),
                config.maxRetryAfter(),
                new CircuitBreaker.Settings(breaker.failureThreshold(), breaker.failureRate(),
                        breaker.minimumCalls(), breaker.window(), breaker.coolDown()),
                limits);
    }

    /** The key breakers and rate limits go by. */
    public static String key(String provider, String model) {
        return provider + "/" + model;
    }
}
