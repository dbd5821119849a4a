package dev.switchboard.executor.resilience;

import java.time.Duration;

/**
 * A request's latency budget ({@code hints.max_latency_ms}) across all its calls, retries and steps.
 *
 * @param budgetMs the budget, or {@code null} for none
 */
public record Deadline(long startedAt, Long budgetMs) {

    /** No budget: waits are bounded only by the adapters' own timeouts. */
    public static Deadline none(long startedAt) {
        return new Deadline(startedAt, null);
    }

    public boolean bounded() {
        return budgetMs != null;
    }

    /** Nanos left at {@code now} (negative once past), or {@link Long#MAX_VALUE} without a budget. */
    public long remainingNanos(long now) {
        if (budgetMs == null) {
            return Long.MAX_VALUE;
        }
        return startedAt + Duration.ofMillis(budgetMs).toNanos() - now;
    }

    /** What is left, or {@code null} without a budget (the form {@code Backoff.wait} takes). */
    public Duration remaining(long now) {
        return budgetMs == null ? null : Duration.ofNanos(remainingNanos(now));
    }

    public boolean passed(long now) {
        return remainingNanos(now) <= 0;
    }
}
