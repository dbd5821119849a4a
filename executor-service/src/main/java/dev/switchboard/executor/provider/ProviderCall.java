package dev.switchboard.executor.provider;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatRequest;

/**
 * One call to a provider: the model's catalog entry and the caller's OpenAI-style body.
 *
 * @param requestId the request the call serves, for logs and provider-side idempotency
 * @param attempt   the request attempt, 1 for the first
 */
public record ProviderCall(String requestId, int attempt, ModelSpec model, ChatRequest body) {
}
