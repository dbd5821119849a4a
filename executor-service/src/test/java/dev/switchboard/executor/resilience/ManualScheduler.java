package dev.switchboard.executor.resilience;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/** A hand-wound clock and timer: time moves only when a test advances it, and due timers fire in order then. */
public final class ManualScheduler implements DelayScheduler {

    private record Timer(long due, long seq, CompletableFuture<Void> future) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::due).thenComparingLong(Timer::seq));
    private long now = 1_000_000_000_000L;
    private long seq;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (delay.isZero() || delay.isNegative()) {
            future.complete(null);
            return future;
        }
        synchronized (this) {
            timers.add(new Timer(now + delay.toNanos(), seq++, future));
        }
        return future;
    }

    /** Moves time forward by {@code by}, firing every timer that falls due on the way, at its due time. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due() > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = Math.max(now, next.due());
            }
            next.future().complete(null); // continuations run here, on the test's thread, at the due time
        }
    }

    /** Fires timers until none is left that has not been cancelled; returns how far time moved. */
    public Duration runUntilIdle() {
        long start = nanoTime();
        while (true) {
            Timer next;
            synchronized (this) {
                timers.removeIf(timer -> timer.future().isDone());
                next = timers.peek();
            }
            if (next == null) {
                return Duration.ofNanos(nanoTime() - start);
            }
            advance(Duration.ofNanos(next.due() - nanoTime()));
        }
    }

    /** Timers waiting that nobody cancelled. */
    public synchronized long pendingTimers() {
        return timers.stream().filter(timer -> !timer.future().isDone()).count();
    }
}
