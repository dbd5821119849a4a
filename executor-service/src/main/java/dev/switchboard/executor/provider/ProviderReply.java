package dev.switchboard.executor.provider;

import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;

import java.time.Duration;
import java.util.Set;

/**
 * What a provider call ended with: a response and its billed tokens, or a stable error code and message.
 *
 * @param usage      billed tokens as the provider reported them; {@code null} when an answer came without any
 * @param httpStatus the provider's HTTP status when there was one, for retry decisions
 * @param retryAfter how long the provider asked us to wait (its {@code Retry-After}), or {@code null}
 */
public record ProviderReply(ChatResponse response, TokenUsage usage, ErrorInfo error, Integer httpStatus,
                            Duration retryAfter) {

    private static final Set<String> RETRYABLE = Set.of(
            ProviderErrors.RATE_LIMITED, ErrorInfo.TIMEOUT, ErrorInfo.PROVIDER_ERROR);

    public static ProviderReply ok(ChatResponse response, TokenUsage usage) {
        return new ProviderReply(response, usage, null, null, null);
    }

    public static ProviderReply failed(String code, String message, Integer httpStatus) {
        return failed(code, message, httpStatus, null);
    }

    public static ProviderReply failed(String code, String message, Integer httpStatus, Duration retryAfter) {
        return new ProviderReply(null, TokenUsage.ZERO, new ErrorInfo(code, message), httpStatus, retryAfter);
    }

    public boolean isOk() {
        return error == null;
    }

    /** Whether the same call may succeed later: rate limits, timeouts and provider-side errors. */
    public boolean retryable() {
        return error != null && RETRYABLE.contains(error.code());
    }
}
