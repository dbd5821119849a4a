package dev.switchboard.executor.provider.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How long providers ask us to wait, in each of the forms they say it. */
class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({
            "7, 7000",
            "0.25, 250",
            "'Sun, 01 Jun 2025 12:00:30 GMT', 30000",
            "'Sun, 01 Jun 2025 11:59:00 GMT', 0"})
    void readsRetryAfterAsSecondsOrAnHttpDate(String value, long millis) {
        assertThat(RetryAfter.retryAfter(value, CLOCK)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({"1s, 1000", "6m0s, 360000", "20ms, 20", "1h2m3.5s, 3723500", "0.5s, 500", "37s, 37000"})
    void readsGoAndProtobufDurations(String value, long millis) {
        assertThat(RetryAfter.duration(value)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void ignoresWhatIsNoDuration() {
        assertThat(RetryAfter.duration("soon")).isNull();
        assertThat(RetryAfter.duration("5")).isNull();
        assertThat(RetryAfter.retryAfter("later", CLOCK)).isNull();
        assertThat(RetryAfter.fromHeaders(headers(Map.of("retry-after", "later")), CLOCK)).isNull();
    }

    @Test
    void prefersRetryAfterMsThenRetryAfterThenTheResetOfTheExhaustedLimit() {
        assertThat(RetryAfter.fromHeaders(headers(Map.of("retry-after-ms", "1500", "retry-after", "2")), CLOCK))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfter.fromHeaders(headers(Map.of("retry-after", "2",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "9s")), CLOCK))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.fromHeaders(headers(Map.of("x-ratelimit-remaining-requests", "12",
                "x-ratelimit-reset-requests", "1s", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "9s")), CLOCK)).isEqualTo(Duration.ofSeconds(9));
        assertThat(RetryAfter.fromHeaders(headers(Map.of("x-ratelimit-remaining-requests", "12",
                "x-ratelimit-reset-requests", "1s")), CLOCK)).isNull();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (name, value) -> true);
    }
}
