package dev.switchboard.executor.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;

import java.util.regex.Pattern;

/** OpenAI chat-completions wire format: the request body we send, the replies and error bodies we read. */
final class OpenAiWire {

    /** OpenAI's reasoning models take {@code max_completion_tokens} and reject {@code max_tokens} and temperature. */
    private static final Pattern REASONING_MODEL = Pattern.compile("^o\\d.*");
    private static final int MAX_MESSAGE_CHARS = 500;

    private OpenAiWire() {
    }

    /** The caller's body with {@code model} set to the provider's name for the catalog model. */
    static String requestBody(ChatRequest body, ModelSpec model) {
        ObjectNode node = Json.MAPPER.valueToTree(body);
        node.put("model", model.providerModel());
        if (REASONING_MODEL.matcher(model.providerModel()).matches()) {
            JsonNode maxTokens = node.remove("max_tokens");
            if (maxTokens != null && !node.has("max_completion_tokens")) {
                node.set("max_completion_tokens", maxTokens);
            }
            node.remove("temperature");
        }
        return Json.write(node);
    }

    /** A 2xx body as a reply; usage from the provider, cached tokens bounded by the prompt. */
    static ProviderReply success(String provider, String body) {
        ChatResponse response;
        try {
            response = Json.read(body, ChatResponse.class);
        } catch (IllegalArgumentException e) {
            return ProviderReply.failed(ErrorInfo.PROVIDER_ERROR,
                    provider + " returned an unreadable chat completion: " + e.getMessage(), 200);
        }
        ChatResponse.Usage usage = response.usage();
        if (usage == null) {
            return ProviderReply.ok(response, null);
        }
        long cached = usage.promptTokensDetails() == null ? 0 : usage.promptTokensDetails().cachedTokens();
        long prompt = usage.promptTokens();
        return ProviderReply.ok(response,
                new TokenUsage(prompt, Math.max(0, Math.min(cached, prompt)), usage.completionTokens()));
    }

    /**
     * An error reply: the stable code for the status and the provider's own message from
     * {@code {"error":{"message":..,"type":..,"code":..}}}, with the API key scrubbed out.
     */
    static ProviderReply failure(String provider, int status, String body, String apiKey) {
        String code = ProviderErrors.forStatus(status);
        StringBuilder message = new StringBuilder(provider).append(" returned HTTP ").append(status);
        JsonNode error = errorNode(body);
        String text = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (text.isBlank() && body != null && !body.isBlank() && !error.isObject()) {
            text = body.strip();
        }
        if (!text.isBlank()) {
            message.append(": ").append(abbreviate(text));
        }
        String type = error.path("type").asText("");
        String providerCode = error.path("code").asText("");
        if (!type.isBlank() || !providerCode.isBlank()) {
            message.append(" (");
            message.append(type.isBlank() ? "" : "type=" + type);
            message.append(!type.isBlank() && !providerCode.isBlank() ? ", " : "");
            message.append(providerCode.isBlank() ? "" : "code=" + providerCode);
            message.append(')');
        }
        return ProviderReply.failed(code, ProviderErrors.scrub(message.toString(), apiKey), status);
    }

    /** {@code error} of OpenAI's body, or the whole object for servers that answer {@code {"message":..}}. */
    private static JsonNode errorNode(String body) {
        if (body == null || body.isBlank()) {
            return Json.MAPPER.missingNode();
        }
        try {
            JsonNode root = Json.tree(body);
            JsonNode error = root.path("error");
            return error.isMissingNode() || error.isNull() ? root : error;
        } catch (IllegalArgumentException notJson) {
            return Json.MAPPER.missingNode();
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
