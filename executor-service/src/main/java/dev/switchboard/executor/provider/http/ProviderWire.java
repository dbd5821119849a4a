package dev.switchboard.executor.provider.http;

import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;

import java.util.Map;

/** One provider's wire format: the request body it takes, and how its answers and error bodies read. */
public interface ProviderWire {

    /** The adapter kind, for logs ({@code openai}, {@code anthropic}, {@code gemini}). */
    String kind();

    /** The path under the base URL when the operator sets none; {@code {model}} is the provider's model name. */
    String defaultPath();

    /** The header that carries the API key when the operator names none ({@code Authorization} gets Bearer). */
    String defaultAuthHeader();

    /** Headers every call carries before the operator's own (which may override them). */
    default Map<String, String> fixedHeaders() {
        return Map.of();
    }

    /** The response header holding the provider's request id, quoted in error messages for support tickets. */
    default String requestIdHeader() {
        return null;
    }

    /**
     * The provider's request body for the caller's OpenAI-style one.
     *
     * @throws IllegalArgumentException when the request cannot be said in this format (then nothing is sent)
     */
    String requestBody(ProviderCall call);

    /**
     * A 2xx body as an OpenAI-style reply with its exact usage.
     *
     * @throws IllegalArgumentException when the body is not a complete answer in this format
     */
    ProviderReply success(String body, ProviderCall call);

    /** An error status and body as a stable code and the provider's own words. */
    WireError error(int status, String body);
}
