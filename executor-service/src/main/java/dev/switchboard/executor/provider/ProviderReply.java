package dev.switchboard.executor.provider;

import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a provider call ended with: a response and its billed tokens, or a stable error code and message.
 *
 * @param usage      billed tokens as the provider reported them; {@code null} when an answer came without any
 * @param httpStatus the provider's HTTP status when there was one, for retry decisions
 * @param retryAfter how long the provider asked us to wait (its {@code Retry-After}), or {@code null}
 * @param billedCostUsd what the call cost when the provider states it (the replay provider's recorded cost), which
 *                      then wins over catalog price × tokens; {@code null} for the usual priced-by-catalog call
 */
public record ProviderReply(ChatResponse response, TokenUsage usage, ErrorInfo error, Integer httpStatus,
                            Duration retryAfter, BigDecimal billedCostUsd) {

    /** A reply priced by the catalog (no stated cost). */
    public ProviderReply(ChatResponse response, TokenUsage usage, ErrorInfo error, Integer httpStatus,
                         Duration retryAfter) {
        this(response, usage, error, httpStatus, retryAfter, null);
    }

    public static ProviderReply ok(ChatResponse response, TokenUsage usage) {
        return new ProviderReply(response, usage, null, null, null);
    }

    /** An answer whose cost the provider states; the executor bills exactly that. */
    public static ProviderReply billed(ChatResponse response, TokenUsage usage, BigDecimal costUsd) {
        return new ProviderReply(response, usage, null, null, null, costUsd);
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

    /** Whether the same call may succeed later: see {@link ProviderErrors#isRetryable(String)}. */
    public boolean retryable() {
        return error != null && ProviderErrors.isRetryable(error.code());
    }
}
