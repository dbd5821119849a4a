package dev.switchboard.executor.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests in flight: the consumer starts a request, then waits for {@link #whenBelowLimit} before it
 * takes the next record, so at most {@code limit} run at once and the rest stay in Kafka. Once closed (shutdown) it
 * never lets the consumer go on again, and {@link #awaitIdle} tells when the running ones are done.
 */
final class InFlightLimiter {

    private static final CompletionStage<Void> OPEN = CompletableFuture.completedFuture(null);

    private final int limit;
    private int inFlight;
    private boolean closed;
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

    /**
     * Completes, on {@code resumeOn}, once fewer than the limit are in flight; at once when that is already so; never
     * once the limiter is closed.
     */
    CompletionStage<Void> whenBelowLimit(Executor resumeOn) {
        CompletableFuture<Void> gate;
        synchronized (this) {
            if (closed) {
                // A stage that never completes: the messaging runtime hands over no further record.
                return new CompletableFuture<>();
            }
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
            if (inFlight == 0) {
                notifyAll();
            }
            if (closed || waiter == null || inFlight >= limit) {
                return;
            }
            released = waiter;
            waiter = null;
        }
        released.complete(null);
    }

    /** Stops handing out capacity: a consumer waiting for a free slot now waits for good. */
    synchronized void close() {
        closed = true;
        waiter = null;
    }

    synchronized boolean closed() {
        return closed;
    }

    /**
     * Blocks until nothing is in flight or {@code timeout} has passed.
     *
     * @return how many are still in flight (0 when all finished in time)
     */
    synchronized int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return inFlight;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
