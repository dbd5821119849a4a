package dev.switchboard.executor.provider;

import dev.switchboard.core.event.ErrorInfo;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stable error codes of a failed provider call (beside {@link ErrorInfo}'s), which of them a retry can fix,
 * and scrubbing of secrets from provider messages.
 */
public final class ProviderErrors {

    /** The provider refused the call for rate reasons (HTTP 429); a later call, or another key, may pass. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The account is out of credit or over its spend limit; waiting minutes does not help. */
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    /** The provider rejected the credentials (HTTP 401, 403, Gemini's API_KEY_INVALID). */
    public static final String AUTH_ERROR = "auth_error";
    /** The provider does not know the model (HTTP 404). */
    public static final String MODEL_NOT_FOUND = "model_not_found";
    /** The prompt (plus the requested output) does not fit the model's context window. */
    public static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";
    /** The provider is overloaded (HTTP 503, Anthropic's 529). */
    public static final String OVERLOADED = "overloaded";
    /** A success status whose body could not be read (truncated or not the provider's format). */
    public static final String MALFORMED_RESPONSE = "malformed_response";
    /** The connection failed or was reset before a reply came. */
    public static final String CONNECTION_ERROR = "connection_error";
    /** No adapter is configured for the model's provider. */
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

    /** The codes a later attempt of the same call may turn into an answer. */
    private static final Set<String> RETRYABLE = Set.of(RATE_LIMITED, OVERLOADED, ErrorInfo.PROVIDER_ERROR,
            ErrorInfo.TIMEOUT, CONNECTION_ERROR, MALFORMED_RESPONSE);

    // Messages that mean "too long for the context window" across OpenAI, vLLM, Groq, DeepSeek, Anthropic, Gemini.
    private static final Pattern CONTEXT_LENGTH = Pattern.compile("(?i)context[ _]length|maximum context"
            + "|prompt is too long|exceeds the maximum number of tokens|input is too long|context window");

    // Key-shaped tokens (OpenAI sk-..., Anthropic sk-ant-..., Groq gsk_..., Google AIza..., bearer values), even
    // when partly masked by the provider.
    private static final List<Pattern> KEY_LIKE = List.of(
            Pattern.compile("(?i)\\b(sk-|gsk_|xai-|bearer\\s+)[A-Za-z0-9_\\-*.]{4,}"),
            Pattern.compile("\\b(AIza)[A-Za-z0-9_\\-*]{8,}"),
            Pattern.compile("(?i)([?&](?:key|api[-_]?key)=)[^&\\s\"']+"));

    private ProviderErrors() {
    }

    /** The stable code for an HTTP error status when the body says nothing more precise. */
    public static String forStatus(int status) {
        return switch (status) {
            case 401, 403 -> AUTH_ERROR;
            case 402 -> QUOTA_EXCEEDED;
            case 404 -> MODEL_NOT_FOUND;
            case 408, 504 -> ErrorInfo.TIMEOUT;
            case 429 -> RATE_LIMITED;
            case 503, 529 -> OVERLOADED;
            default -> status >= 500 || status == 409 ? ErrorInfo.PROVIDER_ERROR : ErrorInfo.INVALID_REQUEST;
        };
    }

    /** Whether a later attempt of the same call may succeed (rate limits, overload, 5xx, timeouts, I/O). */
    public static boolean isRetryable(String code) {
        return code != null && RETRYABLE.contains(code);
    }

    /** True when a 400/413 message says the prompt does not fit the model's context window. */
    public static boolean meansContextLength(String providerCodeOrMessage) {
        return providerCodeOrMessage != null && CONTEXT_LENGTH.matcher(providerCodeOrMessage).find();
    }

    /** The text with the API key, and anything shaped like a key, replaced by {@code [redacted]}. */
    public static String scrub(String text, String apiKey) {
        return scrub(text, apiKey == null ? List.of() : List.of(apiKey));
    }

    /** The text with every one of the secrets, and anything shaped like a key, replaced by {@code [redacted]}. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                scrubbed = scrubbed.replace(secret, "[redacted]");
            }
        }
        for (Pattern pattern : KEY_LIKE) {
            scrubbed = pattern.matcher(scrubbed).replaceAll("$1[redacted]");
        }
        return scrubbed;
    }
}
