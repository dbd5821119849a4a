package dev.switchboard.executor.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.http.ProviderWire;
import dev.switchboard.executor.provider.http.WireError;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Anthropic Messages wire format ({@code POST /v1/messages}): replies, usage with cache tokens, error bodies. */
final class AnthropicWire implements ProviderWire {

    /** The API version this adapter speaks; an operator may pin another with {@code headers.anthropic-version}. */
    static final String API_VERSION = "2023-06-01";

    private final Clock clock;

    AnthropicWire(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "anthropic";
    }

    @Override
    public String defaultPath() {
        return "/v1/messages";
    }

    @Override
    public String defaultAuthHeader() {
        return "x-api-key";
    }

    @Override
    public Map<String, String> fixedHeaders() {
        return Map.of("anthropic-version", API_VERSION);
    }

    @Override
    public String requestIdHeader() {
        return "request-id";
    }

    @Override
    public String requestBody(ProviderCall call) {
        return Json.write(AnthropicRequest.body(call.body(), call.model()));
    }

    /** Content blocks as one OpenAI choice (text, tool_use as tool_calls), usage with the cache counts. */
    @Override
    public ProviderReply success(String body, ProviderCall call) {
        JsonNode root = Json.tree(body);
        if (!root.path("content").isArray()) {
            throw new IllegalArgumentException("a message without content blocks");
        }
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (JsonNode block : root.get("content")) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> toolCalls.addObject().put("id", block.path("id").asText())
                        .put("type", "function").putObject("function")
                        .put("name", block.path("name").asText())
                        .put("arguments", Json.write(block.path("input").isObject() ? block.get("input")
                                : Json.MAPPER.createObjectNode()));
                default -> {
                    // thinking and redacted_thinking blocks are billed as output but are not part of the answer
                }
            }
        }
        boolean onlyTools = text.length() == 0 && !toolCalls.isEmpty();
        ChatMessage message = new ChatMessage("assistant", onlyTools ? null : TextNode.valueOf(text.toString()),
                null, null, toolCalls.isEmpty() ? null : toolCalls);
        JsonNode usage = root.path("usage");
        TokenUsage tokens = usage.isObject() ? tokens(usage) : null;
        ChatResponse response = new ChatResponse(root.path("id").asText(null), "chat.completion",
                clock.instant().getEpochSecond(), root.path("model").asText(call.model().providerModel()),
                List.of(new ChatResponse.Choice(0, message, finishReason(root.path("stop_reason").asText(null)))),
                tokens == null ? null : new ChatResponse.Usage(tokens.inputTokens(), tokens.outputTokens(),
                        tokens.inputTokens() + tokens.outputTokens(),
                        new ChatResponse.PromptTokensDetails(tokens.cachedInputTokens())));
        return ProviderReply.ok(response, tokens);
    }

    /**
     * Anthropic counts cache reads and writes beside {@code input_tokens}; Switchboard's input is all three, its
     * cached part the reads (writes are priced as plain input, see {@code CostCalculator}).
     */
    static TokenUsage tokens(JsonNode usage) {
        long uncached = usage.path("input_tokens").asLong(0);
        long written = usage.path("cache_creation_input_tokens").asLong(0);
        long read = usage.path("cache_read_input_tokens").asLong(0);
        return new TokenUsage(uncached + written + read, read, usage.path("output_tokens").asLong(0));
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** {@code {"type":"error","error":{"type":..,"message":..},"request_id":..}} as a stable code. */
    @Override
    public WireError error(int status, String body) {
        JsonNode root = tree(body);
        JsonNode error = root.path("error");
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        if (message.isBlank() && !root.isObject() && body != null) {
            message = body.strip();
        }
        String requestId = root.path("request_id").asText("");
        String detail = (type.isBlank() ? "" : "type=" + type)
                + (requestId.isBlank() ? "" : (type.isBlank() ? "" : ", ") + "request_id=" + requestId);
        return WireError.of(code(status, type, message, error), message, detail);
    }

    private static String code(int status, String type, String message, JsonNode error) {
        return switch (type) {
            case "invalid_request_error", "request_too_large" -> {
                if (ProviderErrors.meansContextLength(message)) {
                    yield ProviderErrors.CONTEXT_LENGTH_EXCEEDED;
                }
                yield message.toLowerCase().contains("credit balance") ? ProviderErrors.QUOTA_EXCEEDED
                        : ErrorInfo.INVALID_REQUEST;
            }
            case "authentication_error", "permission_error" -> ProviderErrors.AUTH_ERROR;
            case "not_found_error" -> ProviderErrors.MODEL_NOT_FOUND;
            case "billing_error" -> ProviderErrors.QUOTA_EXCEEDED;
            case "rate_limit_error" -> "enforced_spend_limit_reached".equals(
                    error.path("details").path("error_code").asText()) ? ProviderErrors.QUOTA_EXCEEDED
                    : ProviderErrors.RATE_LIMITED;
            case "overloaded_error" -> ProviderErrors.OVERLOADED;
            case "timeout_error" -> ErrorInfo.TIMEOUT;
            case "api_error" -> status == 503 ? ProviderErrors.OVERLOADED : ErrorInfo.PROVIDER_ERROR;
            default -> ProviderErrors.forStatus(status);
        };
    }

    private static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? Json.MAPPER.missingNode() : Json.tree(body);
        } catch (IllegalArgumentException notJson) {
            return Json.MAPPER.missingNode();
        }
    }
}
