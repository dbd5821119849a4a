package dev.switchboard.executor.provider.http;

import java.time.Duration;

/**
 * A provider's error reply, read: the stable code, the provider's own message, its error type or status for the
 * record, and the wait it asked for in the body (Gemini's {@code RetryInfo}).
 *
 * @param message    the provider's message, or empty
 * @param detail     e.g. {@code type=rate_limit_error} or {@code status=RESOURCE_EXHAUSTED}, or empty
 * @param retryAfter the delay named in the body, or {@code null}
 */
public record WireError(String code, String message, String detail, Duration retryAfter) {

    public static WireError of(String code, String message, String detail) {
        return new WireError(code, message, detail, null);
    }
}
