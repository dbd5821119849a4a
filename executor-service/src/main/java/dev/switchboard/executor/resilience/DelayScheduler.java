package dev.switchboard.executor.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A monotonic clock and non-blocking delays for retries, rate limits and deadlines; tests wind one by hand. */
public interface DelayScheduler {

    /** Now, in nanos from an arbitrary origin (like {@link System#nanoTime()}). */
    long nanoTime();

    /** Completes after {@code delay} (at once when it is zero or negative); cancelling it drops the timer. */
    CompletableFuture<Void> after(Duration delay);
}
