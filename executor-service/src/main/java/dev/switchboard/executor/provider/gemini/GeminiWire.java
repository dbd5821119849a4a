package dev.switchboard.executor.provider.gemini;

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
import dev.switchboard.executor.provider.http.RetryAfter;
import dev.switchboard.executor.provider.http.WireError;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Gemini {@code generateContent} wire format: candidates, usageMetadata and Google's error bodies. */
final class GeminiWire implements ProviderWire {

    private final Clock clock;

    GeminiWire(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "gemini";
    }

    @Override
    public String defaultPath() {
        return "/v1beta/models/{model}:generateContent";
    }

    @Override
    public String defaultAuthHeader() {
        return "x-goog-api-key";
    }

    @Override
    public String requestBody(ProviderCall call) {
        return Json.write(GeminiRequest.body(call.body()));
    }

    /** The first candidate as one OpenAI choice; a prompt blocked before any candidate is a content filter. */
    @Override
    public ProviderReply success(String body, ProviderCall call) {
        JsonNode root = Json.tree(body);
        JsonNode candidates = root.path("candidates");
        ChatMessage message;
        String finish;
        if (candidates.isArray() && !candidates.isEmpty()) {
            JsonNode candidate = candidates.get(0);
            if (!candidate.has("content") && !candidate.has("finishReason")) {
                throw new IllegalArgumentException("a candidate without content or finishReason");
            }
            message = message(candidate.path("content").path("parts"));
            finish = finishReason(candidate.path("finishReason").asText(null), message.toolCalls() != null);
        } else if (root.path("promptFeedback").has("blockReason")) {
            message = new ChatMessage("assistant", TextNode.valueOf(""), null, null, null);
            finish = "content_filter";
        } else {
            throw new IllegalArgumentException("a generateContent reply without candidates");
        }
        JsonNode metadata = root.path("usageMetadata");
        TokenUsage tokens = metadata.isObject() ? tokens(metadata) : null;
        ChatResponse response = new ChatResponse(root.path("responseId").asText(null), "chat.completion",
                clock.instant().getEpochSecond(), root.path("modelVersion").asText(call.model().providerModel()),
                List.of(new ChatResponse.Choice(0, message, finish)),
                tokens == null ? null : new ChatResponse.Usage(tokens.inputTokens(), tokens.outputTokens(),
                        tokens.inputTokens() + tokens.outputTokens(),
                        new ChatResponse.PromptTokensDetails(tokens.cachedInputTokens())));
        return ProviderReply.ok(response, tokens);
    }

    /**
     * {@code promptTokenCount} includes the cached content; tool-use prompts are input too; thoughts are billed
     * as output beside {@code candidatesTokenCount}.
     */
    static TokenUsage tokens(JsonNode metadata) {
        long input = metadata.path("promptTokenCount").asLong(0) + metadata.path("toolUsePromptTokenCount").asLong(0);
        long cached = Math.min(metadata.path("cachedContentTokenCount").asLong(0), input);
        long output = metadata.path("candidatesTokenCount").asLong(0) + metadata.path("thoughtsTokenCount").asLong(0);
        return new TokenUsage(input, cached, output);
    }

    private static ChatMessage message(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (JsonNode part : parts) {
            if (part.has("functionCall")) {
                JsonNode call = part.get("functionCall");
                String id = call.hasNonNull("id") ? call.get("id").asText() : "call_" + toolCalls.size();
                toolCalls.addObject().put("id", id).put("type", "function").putObject("function")
                        .put("name", call.path("name").asText())
                        .put("arguments", Json.write(call.path("args").isObject() ? call.get("args")
                                : Json.MAPPER.createObjectNode()));
            } else if (part.has("text") && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            }
        }
        boolean onlyTools = text.length() == 0 && !toolCalls.isEmpty();
        return new ChatMessage("assistant", onlyTools ? null : TextNode.valueOf(text.toString()), null, null,
                toolCalls.isEmpty() ? null : toolCalls);
    }

    static String finishReason(String reason, boolean calledTools) {
        if (reason == null) {
            return calledTools ? "tool_calls" : null;
        }
        return switch (reason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }

    /** {@code {"error":{"code":..,"message":..,"status":..,"details":[..]}}} as a stable code and wait. */
    @Override
    public WireError error(int status, String body) {
        JsonNode root = tree(body);
        JsonNode error = (root.isArray() ? root.path(0) : root).path("error");
        String grpcStatus = error.path("status").asText("");
        String message = error.path("message").asText("");
        if (message.isBlank() && !error.isObject() && body != null) {
            message = body.strip();
        }
        JsonNode details = error.path("details");
        return new WireError(code(status, grpcStatus, message, details), message,
                grpcStatus.isBlank() ? "" : "status=" + grpcStatus, retryDelay(details));
    }

    private static String code(int status, String grpcStatus, String message, JsonNode details) {
        return switch (grpcStatus) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> {
                if (hasDetail(details, "reason", "API_KEY_INVALID")) {
                    yield ProviderErrors.AUTH_ERROR;
                }
                yield ProviderErrors.meansContextLength(message) ? ProviderErrors.CONTEXT_LENGTH_EXCEEDED
                        : ErrorInfo.INVALID_REQUEST;
            }
            case "UNAUTHENTICATED", "PERMISSION_DENIED" -> ProviderErrors.AUTH_ERROR;
            case "NOT_FOUND" -> ProviderErrors.MODEL_NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> dailyQuota(details) ? ProviderErrors.QUOTA_EXCEEDED
                    : ProviderErrors.RATE_LIMITED;
            case "UNAVAILABLE" -> ProviderErrors.OVERLOADED;
            case "DEADLINE_EXCEEDED" -> ErrorInfo.TIMEOUT;
            case "INTERNAL", "UNKNOWN", "DATA_LOSS", "ABORTED" -> ErrorInfo.PROVIDER_ERROR;
            default -> ProviderErrors.forStatus(status);
        };
    }

    /** A per-day quota (the free tier's) is spent until tomorrow: another provider, not a retry, can help. */
    private static boolean dailyQuota(JsonNode details) {
        for (JsonNode detail : details) {
            for (JsonNode violation : detail.path("violations")) {
                if (violation.path("quotaId").asText("").contains("PerDay")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasDetail(JsonNode details, String field, String value) {
        for (JsonNode detail : details) {
            if (value.equals(detail.path(field).asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code google.rpc.RetryInfo.retryDelay} ("37s"), Gemini's way of saying Retry-After. */
    private static Duration retryDelay(JsonNode details) {
        for (JsonNode detail : details) {
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                return RetryAfter.duration(detail.path("retryDelay").asText(null));
            }
        }
        return null;
    }

    private static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? Json.MAPPER.missingNode() : Json.tree(body);
        } catch (IllegalArgumentException notJson) {
            return Json.MAPPER.missingNode();
        }
    }
}
