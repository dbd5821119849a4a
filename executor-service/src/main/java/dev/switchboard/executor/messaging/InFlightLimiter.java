package dev.switchboard.executor.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Bounds the requests in flight: the consumer starts a request, then waits for {@link #whenBelowLimit} before it
 * takes the next record, so at most {@code limit} run at once and the rest stay in Kafka.
 */
final class InFlightLimiter {

    private static final CompletionStage<Void> OPEN = CompletableFuture.completedFuture(null);

    private final int limit;
    private int inFlight;
    private CompletableFuture<Void> waiter;

    InFlightLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("executor.max-in-flight must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    synchronized void started() {
        inFlight++;
    }

    /** Completes, on {@code resumeOn}, once fewer than the limit are in flight; at once when that is already so. */
    CompletionStage<Void> whenBelowLimit(Executor resumeOn) {
        CompletableFuture<Void> gate;
        synchronized (this) {
            if (inFlight < limit) {
                return OPEN;
            }
            // One waiter at most: the messaging runtime hands over the next record only after this stage completes.
            gate = new CompletableFuture<>();
            waiter = gate;
        }
        return gate.thenRunAsync(() -> { }, resumeOn);
    }

    void finished() {
        CompletableFuture<Void> released;
        synchronized (this) {
            inFlight--;
            if (waiter == null || inFlight >= limit) {
                return;
            }
            released = waiter;
            waiter = null;
        }
        released.complete(null);
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
