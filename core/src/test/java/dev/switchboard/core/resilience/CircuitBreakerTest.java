package dev.switchboard.core.resilience;

import dev.switchboard.core.resilience.CircuitBreaker.Settings;
import dev.switchboard.core.resilience.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;
    /** Opens after 3 failures in a row, or 50% failures over 10 s once 10 calls were seen; 30 s cool-down. */
    private static final Settings SETTINGS = new Settings(3, 0.5, 10, Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final CircuitBreaker breaker = new CircuitBreaker(SETTINGS);

    @Test
    void opensAfterConsecutiveFailuresAndRefusesCallsDuringTheCoolDown() {
        long t = 1_000 * SECOND;
        failures(t, 2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(t)).isTrue();

        breaker.onFailure(t);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(t + 29 * SECOND)).isFalse();
        assertThat(breaker.openUntil()).isEqualTo(t + 30 * SECOND);
    }

    @Test
    void aSuccessResetsTheConsecutiveCount() {
        long t = 0;
        failures(t, 2);
        breaker.onSuccess(t);
        failures(t, 2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void opensOnTheFailureRateOverTheWindowOnceEnoughCallsWereSeen() {
        long t = 5 * SECOND;
        // alternate success and failure: never 3 in a row, but 50% of 10 calls
        for (int i = 0; i < 4; i++) {
            breaker.onSuccess(t);
            breaker.onFailure(t);
        }
        breaker.onSuccess(t);
        assertThat(breaker.state()).isEqualTo(State.CLOSED); // 9 calls: too few to judge

        breaker.onFailure(t);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        long t = 0;
        for (int i = 0; i < 4; i++) {
            breaker.onSuccess(t);
            breaker.onFailure(t);
        }
        long later = t + 11 * SECOND;
        breaker.onSuccess(later);
        breaker.onFailure(later);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void halfOpensAfterTheCoolDownWithOneProbeThatClosesItOnSuccess() {
        failures(0, 3);
        long after = 30 * SECOND;

        assertThat(breaker.tryAcquire(after)).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire(after + 1)).as("one probe at a time").isFalse();

        breaker.onSuccess(after + SECOND);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire(after + SECOND)).isTrue();
        failures(after + SECOND, 2);
        assertThat(breaker.state()).as("counts start afresh after closing").isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedProbeOpensItForAnotherCoolDown() {
        failures(0, 3);
        long probeAt = 31 * SECOND;
        assertThat(breaker.tryAcquire(probeAt)).isTrue();

        breaker.onFailure(probeAt + SECOND);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(probeAt + 30 * SECOND)).isFalse();
        assertThat(breaker.tryAcquire(probeAt + 31 * SECOND)).isTrue();
    }

    @Test
    void aReleasedOrLostProbeLetsTheNextOneThrough() {
        failures(0, 3);
        long probeAt = 30 * SECOND;
        assertThat(breaker.tryAcquire(probeAt)).isTrue();
        breaker.release(probeAt);
        assertThat(breaker.tryAcquire(probeAt + 1)).as("released: next probe").isTrue();

        assertThat(breaker.tryAcquire(probeAt + 2)).isFalse();
        assertThat(breaker.tryAcquire(probeAt + 31 * SECOND)).as("probe never reported: another").isTrue();
    }

    @Test
    void outcomesOfCallsStartedBeforeItOpenedChangeNothing() {
        failures(0, 3);

        breaker.onSuccess(SECOND);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(2 * SECOND)).isFalse();
    }

    private void failures(long at, int count) {
        for (int i = 0; i < count; i++) {
            breaker.onFailure(at);
        }
    }
}
