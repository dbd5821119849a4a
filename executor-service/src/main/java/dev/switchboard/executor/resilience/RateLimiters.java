package dev.switchboard.executor.resilience;

import dev.switchboard.core.resilience.RateLimit;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** The configured rate limit of each provider model; a model without one is never delayed. */
final class RateLimiters {

    private static final RateLimit UNLIMITED = RateLimit.unlimited();

    private final Map<String, RateLimit> byKey = new ConcurrentHashMap<>();

    RateLimiters(Map<String, ResiliencePolicy.Quota> quotas, long now) {
        quotas.forEach((key, quota) -> {
            RateLimit limit = new RateLimit(quota.rpm(), quota.tpm(), now);
            if (!limit.isUnlimited()) {
                byKey.put(key, limit);
            }
        });
    }

    /** Whether calls to this model are limited at all (an estimate of their tokens is only needed then). */
    boolean limits(String key) {
        return byKey.containsKey(key);
    }

    /**
     * Reserves a call of {@code tokens} estimated tokens to this model; returns the nanos to wait first, or
     * empty (nothing reserved) when that wait would exceed {@code maxWait}.
     */
    OptionalLong tryReserve(String key, long now, long tokens, long maxWait) {
        RateLimit limit = byKey.getOrDefault(key, UNLIMITED);
        if (limit == UNLIMITED) {
            return OptionalLong.of(0);
        }
        synchronized (limit) {
            return limit.tryReserve(now, tokens, maxWait);
        }
    }

    /** Books what the call really used in place of the estimate. */
    void settle(String key, long now, long estimated, long used) {
        RateLimit limit = byKey.get(key);
        if (limit != null) {
            synchronized (limit) {
                limit.settle(now, estimated, used);
            }
        }
    }
}
