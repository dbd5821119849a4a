package dev.switchboard.executor.provider.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how long a provider asked us to wait: {@code Retry-After}, {@code retry-after-ms}, OpenAI's resets. */
public final class RetryAfter {

    // Go-style durations as OpenAI's x-ratelimit-reset-* use them ("1s", "6m0s", "20ms"), and protobuf's "37s".
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final Pattern WHOLE_DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|h|m|s))+");

    private RetryAfter() {
    }

    /** The wait the headers ask for, or {@code null} when they name none. */
    public static Duration fromHeaders(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            Duration wait = seconds(millis.get(), 1_000);
            if (wait != null) {
                return wait;
            }
        }
        Optional<String> retryAfter = headers.firstValue("retry-after");
        if (retryAfter.isPresent()) {
            Duration wait = retryAfter(retryAfter.get(), clock);
            if (wait != null) {
                return wait;
            }
        }
        return openAiReset(headers);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110), never negative; {@code null} if neither. */
    public static Duration retryAfter(String value, Clock clock) {
        Duration seconds = seconds(value, 1);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A Go or protobuf duration ({@code 6m0s}, {@code 20ms}, {@code 37s}, {@code 0.5s}), or {@code null}. */
    public static Duration duration(String value) {
        if (value == null || !WHOLE_DURATION.matcher(value.strip()).matches()) {
            return null;
        }
        Matcher part = DURATION_PART.matcher(value.strip());
        double nanos = 0;
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount * switch (part.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
            };
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** OpenAI's reset of whichever limit (requests or tokens) is used up; {@code null} when neither says so. */
    private static Duration openAiReset(HttpHeaders headers) {
        Duration wait = null;
        for (String limit : new String[] {"requests", "tokens"}) {
            boolean exhausted = headers.firstValue("x-ratelimit-remaining-" + limit).map(String::strip)
                    .filter("0"::equals).isPresent();
            Duration reset = headers.firstValue("x-ratelimit-reset-" + limit).map(RetryAfter::duration).orElse(null);
            if (exhausted && reset != null && (wait == null || reset.compareTo(wait) > 0)) {
                wait = reset;
            }
        }
        return wait;
    }

    private static Duration seconds(String value, int perSecond) {
        try {
            double amount = Double.parseDouble(value.strip());
            return amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount) ? null
                    : Duration.ofNanos(Math.round(amount * 1e9 / perSecond));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
