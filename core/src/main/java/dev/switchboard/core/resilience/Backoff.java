package dev.switchboard.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter between retries, never shorter than {@code Retry-After} nor past the deadline.
 *
 * @param base   the delay before the first retry, before jitter
 * @param cap    the longest backoff, before jitter; a {@code Retry-After} above it is still honoured
 * @param jitter how much of the delay is randomised
 */
public record Backoff(Duration base, Duration cap, Jitter jitter) {

    /** How the delay is spread so that many clients failing together do not retry together. */
    public enum Jitter {
        /** Uniform in {@code [0, delay]} (AWS "full jitter"): the best spread, sometimes no wait at all. */
        FULL,
        /** Half fixed, half uniform: {@code [delay/2, delay]}, a floor that still spreads retries. */
        EQUAL,
        /** The exact exponential delay. */
        NONE
    }

    public Backoff {
        Objects.requireNonNull(jitter, "jitter");
        if (base == null || base.isNegative() || cap == null || cap.isNegative()) {
            throw new IllegalArgumentException("backoff base and cap must be zero or positive, were " + base
                    + " and " + cap);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
        }
    }

    /**
     * The backoff before retry number {@code retry}.
     *
     * @param retry  1 for the first retry (after the first failed call)
     * @param random a uniform draw in {@code [0, 1)}, passed in so the schedule is repeatable in tests
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random draw must be in [0, 1), was " + random);
        }
        long capNanos = cap.toNanos();
        // Doubling stops at the cap, and the shift stays far from overflowing a long.
        long exponential = base.toNanos() << Math.min(retry - 1, 40);
        long ceiling = exponential <= 0 || exponential > capNanos ? capNanos : exponential;
        long nanos = switch (jitter) {
            case FULL -> (long) (ceiling * random);
            case EQUAL -> ceiling / 2 + (long) ((ceiling - ceiling / 2) * random);
            case NONE -> ceiling;
        };
        return Duration.ofNanos(nanos);
    }

    /**
     * The wait before retry number {@code retry}: the longer of the backoff and the provider's
     * {@code Retry-After}, capped by what the request's deadline leaves.
     *
     * @param retryAfter what the provider asked for, or {@code null}
     * @param remaining  what is left of the request's latency budget, or {@code null} when it has none
     */
    public Duration wait(int retry, Duration retryAfter, Duration remaining, double random) {
        Duration wait = delay(retry, random);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        if (remaining != null && remaining.compareTo(wait) < 0) {
            wait = remaining.isNegative() ? Duration.ZERO : remaining;
        }
        return wait;
    }
}
