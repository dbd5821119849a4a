package dev.switchboard.executor.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The production scheduler: {@link System#nanoTime()} and one daemon timer thread that only completes futures. */
public final class TimerDelayScheduler implements DelayScheduler, AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    public TimerDelayScheduler() {
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "executor-resilience-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Deadlines are usually cancelled when the call wins the race; without this they would pile up.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (delay.isZero() || delay.isNegative()) {
            done.complete(null);
            return done;
        }
        try {
            ScheduledFuture<?> task = timer.schedule(() -> done.complete(null), delay.toNanos(),
                    TimeUnit.NANOSECONDS);
            done.whenComplete((ignored, failure) -> {
                if (done.isCancelled()) {
                    task.cancel(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // Shutting down: go on at once rather than strand the request's continuation.
            done.complete(null);
        }
        return done;
    }

    /** Stops taking timers; delays already scheduled still fire, so no request waits forever. */
    @Override
    public void close() {
        timer.shutdown();
    }
}
