package dev.switchboard.core.resilience;

import dev.switchboard.core.resilience.Backoff.Jitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(200);
    private static final Duration CAP = Duration.ofSeconds(5);

    @ParameterizedTest(name = "{0} jitter, retry {1}, draw {2} -> {3} ms")
    @CsvSource({
            // jitter, retry, draw, expected ms: ceiling = min(200 * 2^(retry-1), 5000)
            "NONE,  1, 0.99, 200",
            "NONE,  2, 0.0,  400",
            "NONE,  3, 0.5,  800",
            "NONE,  5, 0.5,  3200",
            "NONE,  6, 0.5,  5000",   // 6400 capped
            "NONE,  60, 0.5, 5000",   // no overflow far past the cap
            "FULL,  1, 0.0,  0",
            "FULL,  1, 0.5,  100",
            "FULL,  3, 0.25, 200",
            "FULL,  9, 0.5,  2500",
            "EQUAL, 1, 0.0,  100",
            "EQUAL, 1, 0.5,  150",
            "EQUAL, 4, 0.0,  800",    // 1600 / 2
            "EQUAL, 4, 0.75, 1400",   // 800 + 0.75 * 800
            "EQUAL, 7, 0.0,  2500",   // capped 5000 / 2
    })
    void delayDoublesPerRetryUpToTheCapWithinTheJitterRange(Jitter jitter, int retry, double draw, long expectedMs) {
        assertThat(new Backoff(BASE, CAP, jitter).delay(retry, draw)).isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheExponentialCeiling() {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            int retry = 1 + i % 8;
            Duration delay = backoff.delay(retry, random.nextDouble());
            long ceiling = Math.min(BASE.toMillis() << (retry - 1), CAP.toMillis());
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
        }
    }

    @ParameterizedTest(name = "retry-after {0} ms, remaining {1} ms -> wait {2} ms")
    @CsvSource({
            // NONE jitter, first retry: backoff 200 ms
            "   ,     ,      200",   // no Retry-After, no deadline: the backoff
            "50,      ,      200",   // Retry-After below the backoff: the backoff
            "3000,    ,      3000",  // Retry-After above the backoff: honoured
            "30000,   ,      30000", // honoured above the cap too: the provider knows best
            "3000,    1000,  1000",  // but never past the request's deadline
            "   ,     150,   150",
            "   ,     -5,    0",
    })
    void waitHonoursRetryAfterAndTheRemainingBudget(Long retryAfterMs, Long remainingMs, long expectedMs) {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.NONE);

        Duration wait = backoff.wait(1, retryAfterMs == null ? null : Duration.ofMillis(retryAfterMs),
                remainingMs == null ? null : Duration.ofMillis(remainingMs), 0.3);

        assertThat(wait).isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(CAP, BASE, Jitter.FULL)).hasMessageContaining("below its base");
        Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL);
        assertThatThrownBy(() -> backoff.delay(0, 0.5)).hasMessageContaining("retry counts from 1");
        assertThatThrownBy(() -> backoff.delay(1, 1.0)).hasMessageContaining("[0, 1)");
    }
}
