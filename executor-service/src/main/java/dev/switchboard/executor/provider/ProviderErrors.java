package dev.switchboard.executor.provider;

import dev.switchboard.core.event.ErrorInfo;

import java.util.regex.Pattern;

/**
 * The stable error codes of a failed provider call (beside {@link ErrorInfo}'s), and scrubbing of secrets from
 * provider messages.
 */
public final class ProviderErrors {

    /** The provider refused the call for rate or quota reasons (HTTP 429). */
    public static final String RATE_LIMITED = "rate_limited";
    /** The provider rejected the credentials (HTTP 401, 403). */
    public static final String AUTH_ERROR = "auth_error";
    /** The provider does not know the model (HTTP 404). */
    public static final String MODEL_NOT_FOUND = "model_not_found";
    /** No adapter is configured for the model's provider. */
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

    // Key-shaped tokens (OpenAI sk-..., Groq gsk_..., bearer values) even when partly masked by the provider.
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\b(sk-|gsk_|bearer\\s+)[A-Za-z0-9_\\-*.]{4,}");

    private ProviderErrors() {
    }

    /** The stable code for an HTTP error status. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400, 409, 413, 422 -> ErrorInfo.INVALID_REQUEST;
            case 401, 403 -> AUTH_ERROR;
            case 404 -> MODEL_NOT_FOUND;
            case 408, 504 -> ErrorInfo.TIMEOUT;
            case 429 -> RATE_LIMITED;
            default -> ErrorInfo.PROVIDER_ERROR;
        };
    }

    /** The text with the API key, and anything shaped like a key, replaced by {@code [redacted]}. */
    public static String scrub(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String scrubbed = apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "[redacted]");
        return KEY_LIKE.matcher(scrubbed).replaceAll("$1[redacted]");
    }
}
