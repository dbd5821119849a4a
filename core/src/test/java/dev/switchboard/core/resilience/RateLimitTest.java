package dev.switchboard.core.resilience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void aFullBucketLetsAMinutesWorthThroughAtOnceThenSpacesCallsOut() {
        TokenBucket bucket = new TokenBucket(60, 0); // one per second

        for (int i = 0; i < 60; i++) {
            assertThat(bucket.reserve(0, 1)).isZero();
        }
        assertThat(bucket.reserve(0, 1)).isEqualTo(SECOND);
        assertThat(bucket.reserve(0, 1)).as("queues behind the previous one").isEqualTo(2 * SECOND);
        assertThat(bucket.reserve(3 * SECOND, 1)).as("three refilled: two owed, one for this")
                .isEqualTo(0);
    }

    @ParameterizedTest(name = "{0}/min, {1} then {2} at +{3} ms -> wait {4} ms")
    @CsvSource({
            // per minute, first, second, at ms, expected wait for the second in ms
            "600,   600, 1,   0,     100",    // empty bucket, 10/s: 100 ms for one
            "600,   600, 10,  0,     1000",
            "600,   600, 10,  500,   500",    // 5 refilled after 500 ms
            "600,   600, 10,  1000,  0",
            "60000, 100,  900,  0,   0",      // 59,900 left
            "60000, 60000, 40,  0,   40",     // 1,000 a second: 40 ms for 40
    })
    void waitsForTheTokensThatAreMissing(long perMinute, long first, long second, long atMs, long expectedMs) {
        TokenBucket bucket = new TokenBucket(perMinute, 0);
        bucket.reserve(0, first);

        long wait = bucket.reserve(atMs * MS, second);

        assertThat(wait).isEqualTo(expectedMs * MS);
    }

    @Test
    void refillNeverGoesAboveAMinutesWorth() {
        TokenBucket bucket = new TokenBucket(60, 0);

        assertThat(bucket.available(10 * 60 * SECOND)).isEqualTo(60.0);
        bucket.refund(10 * 60 * SECOND, 100);
        assertThat(bucket.available(10 * 60 * SECOND)).isEqualTo(60.0);
    }

    @Test
    void theSlowerOfRequestsAndTokensDecides() {
        // 60 requests and 6,000 tokens a minute: 1 request/s, 100 tokens/s
        RateLimit limit = new RateLimit(OptionalLong.of(60), OptionalLong.of(6_000), 0);

        assertThat(limit.reserve(0, 6_000)).isZero();
        assertThat(limit.reserve(0, 500)).as("tokens: 500 / 100 per s").isEqualTo(5 * SECOND);
        assertThat(limit.reserve(0, 0)).as("tokens still owed").isEqualTo(5 * SECOND);
    }

    @Test
    void tryReserveTakesNothingWhenTheWaitWouldPassTheDeadline() {
        RateLimit limit = new RateLimit(OptionalLong.of(60), OptionalLong.empty(), 0);
        for (int i = 0; i < 60; i++) {
            limit.reserve(0, 0);
        }

        assertThat(limit.tryReserve(0, 0, 999 * MS)).isEmpty();
        assertThat(limit.tryReserve(0, 0, SECOND)).hasValue(SECOND);
        assertThat(limit.tryReserve(0, 0, SECOND)).as("the first one took its slot").isEmpty();
    }

    @Test
    void settlingGivesBackTokensEstimatedButNotUsed() {
        RateLimit limit = new RateLimit(OptionalLong.empty(), OptionalLong.of(6_000), 0);
        limit.reserve(0, 6_000);

        limit.settle(0, 6_000, 1_000);

        assertThat(limit.reserve(0, 5_000)).isZero();
        assertThat(limit.reserve(0, 100)).isEqualTo(SECOND);
    }

    @Test
    void settlingTakesTokensUsedAboveTheEstimate() {
        RateLimit limit = new RateLimit(OptionalLong.empty(), OptionalLong.of(6_000), 0);
        limit.reserve(0, 1_000);

        limit.settle(0, 1_000, 6_000);

        assertThat(limit.reserve(0, 100)).isEqualTo(SECOND);
    }

    @Test
    void cancellingGivesTheWholeReservationBack() {
        RateLimit limit = new RateLimit(OptionalLong.of(1), OptionalLong.of(100), 0);
        limit.reserve(0, 100);

        limit.cancel(0, 100);

        assertThat(limit.reserve(0, 100)).isZero();
    }

    @Test
    void unlimitedNeverWaits() {
        RateLimit limit = RateLimit.unlimited();

        assertThat(limit.isUnlimited()).isTrue();
        assertThat(limit.reserve(0, Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void rejectsALimitOfZero() {
        assertThatThrownBy(() -> new TokenBucket(0, 0)).hasMessageContaining("at least 1 per minute");
    }
}
