package dev.switchboard.executor.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-flight bound: the consumer may take the next record only while fewer than the limit are running. */
class InFlightLimiterTest {

    private final List<Runnable> resumed = new ArrayList<>();
    private final Executor recordingExecutor = task -> {
        resumed.add(task);
        task.run();
    };

    @Test
    void letsTheConsumerGoOnWhileBelowTheLimit() {
        InFlightLimiter limiter = new InFlightLimiter(2);
        limiter.started();

        assertThat(limiter.whenBelowLimit(recordingExecutor).toCompletableFuture()).isDone();
        assertThat(resumed).isEmpty();
    }

    @Test
    void holdsTheConsumerAtTheLimitUntilARequestFinishesThenResumesOnItsExecutor() {
        InFlightLimiter limiter = new InFlightLimiter(2);
        limiter.started();
        limiter.started();

        CompletableFuture<Void> gate = limiter.whenBelowLimit(recordingExecutor).toCompletableFuture();
        assertThat(gate).isNotDone();
        assertThat(limiter.inFlight()).isEqualTo(2);

        limiter.finished();

        assertThat(gate).isDone();
        assertThat(resumed).hasSize(1);
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new InFlightLimiter(0)).hasMessageContaining("executor.max-in-flight");
    }

    @Test
    void afterCloseNeverLetsTheConsumerGoOnEvenWhenSlotsFreeUp() {
        InFlightLimiter limiter = new InFlightLimiter(1);
        limiter.started();
        CompletableFuture<Void> waiting = limiter.whenBelowLimit(recordingExecutor).toCompletableFuture();

        limiter.close();
        limiter.finished();

        assertThat(waiting).isNotDone();
        assertThat(limiter.whenBelowLimit(recordingExecutor).toCompletableFuture()).isNotDone();
        assertThat(limiter.closed()).isTrue();
    }

    @Test
    void awaitIdleReturnsOnceTheLastRunningRequestFinishes() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(4);
        limiter.started();
        limiter.started();
        CompletableFuture<Integer> idle =
                CompletableFuture.supplyAsync(() -> awaitIdle(limiter, Duration.ofSeconds(30)));

        limiter.finished();
        assertThat(limiter.inFlight()).isEqualTo(1);
        limiter.finished();

        assertThat(idle.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void awaitIdleGivesUpAtTheTimeoutAndSaysHowManyAreStillRunning() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(4);
        limiter.started();
        limiter.started();
        limiter.finished();

        assertThat(limiter.awaitIdle(Duration.ofMillis(50))).isEqualTo(1);
    }

    private static int awaitIdle(InFlightLimiter limiter, Duration timeout) {
        try {
            return limiter.awaitIdle(timeout);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
