package dev.switchboard.executor.resilience;

import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.executor.provider.ProviderReply;
import io.quarkus.logging.Log;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends one provider call raced against the request's deadline; the loser is cancelled. */
final class DeadlineRace {

    /** A call's reply and how long it took; {@code cutByDeadline} when the timer won. */
    record Timed(ProviderReply reply, long nanos, boolean cutByDeadline) {
    }

    private DeadlineRace() {
    }

    static CompletionStage<Timed> run(ModelRun run, DelayScheduler scheduler) {
        long sent = scheduler.nanoTime();
        CompletableFuture<ProviderReply> call = send(run);
        CompletableFuture<Timed> race = new CompletableFuture<>();
        call.whenComplete((reply, bug) -> {
            if (!race.isDone()) { // else the deadline won and cancelled the call: nothing to report
                race.complete(new Timed(bug == null ? reply : adapterFailed(run, bug), scheduler.nanoTime() - sent,
                        false));
            }
        });
        if (!run.deadline().bounded()) {
            return race;
        }
        CompletableFuture<Void> timer = scheduler.after(run.deadline().remaining(sent));
        timer.thenRun(() -> {
            long took = scheduler.nanoTime() - sent;
            ProviderReply cut = ProviderReply.failed(ErrorInfo.TIMEOUT, "no answer from " + run.key()
                    + " within the request's max_latency_ms=" + run.deadline().budgetMs(), null);
            if (race.complete(new Timed(cut, took, true))) {
                call.cancel(true); // the adapter's HTTP exchange, where it honours cancellation
            }
        });
        race.whenComplete((timed, failure) -> timer.cancel(false));
        return race;
    }

    private static CompletableFuture<ProviderReply> send(ModelRun run) {
        try {
            return run.target().provider().complete(run.call()).toCompletableFuture();
        } catch (RuntimeException bug) {
            return CompletableFuture.failedFuture(bug);
        }
    }

    private static ProviderReply adapterFailed(ModelRun run, Throwable bug) {
        Log.errorf(bug, "request %s: %s adapter failed", run.call().requestId(), run.provider());
        return ProviderReply.failed(ErrorInfo.PROVIDER_ERROR, run.provider() + " adapter failed: "
                + bug.getClass().getSimpleName(), null);
    }
}
