package dev.switchboard.executor.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.http.ProviderWire;
import dev.switchboard.executor.provider.http.WireError;

import java.util.regex.Pattern;

/** OpenAI chat-completions wire format: the request body we send, the replies and error bodies we read. */
final class OpenAiWire implements ProviderWire {

    /** OpenAI's reasoning models take {@code max_completion_tokens} and reject {@code max_tokens} and temperature. */
    private static final Pattern REASONING_MODEL = Pattern.compile("^o\\d.*");

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public String defaultPath() {
        return "/chat/completions";
    }

    @Override
    public String defaultAuthHeader() {
        return "Authorization";
    }

    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public String requestBody(ProviderCall call) {
        return requestBody(call.body(), call.model());
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

    /**
     * A 2xx body as a reply; usage from the provider, cached tokens bounded by the prompt. DeepSeek reports its
     * cache hits as {@code usage.prompt_cache_hit_tokens}: they are moved to {@code prompt_tokens_details}.
     */
    @Override
    public ProviderReply success(String body, ProviderCall call) {
        JsonNode root = Json.tree(body);
        ChatResponse response = Json.read(body, ChatResponse.class);
        if (response == null || response.choices() == null || response.choices().isEmpty()) {
            throw new IllegalArgumentException("a chat completion without choices");
        }
        ChatResponse.Usage usage = response.usage();
        if (usage == null) {
            return ProviderReply.ok(response, null);
        }
        JsonNode usageNode = root.path("usage");
        long reported = usageNode.path("prompt_tokens_details").has("cached_tokens")
                ? usageNode.path("prompt_tokens_details").path("cached_tokens").asLong(0)
                : usageNode.path("prompt_cache_hit_tokens").asLong(0);
        long prompt = usage.promptTokens();
        long cached = Math.max(0, Math.min(reported, prompt));
        ChatResponse withDetails = new ChatResponse(response.id(), response.object(), response.created(),
                response.model(), response.choices(), new ChatResponse.Usage(prompt, usage.completionTokens(),
                usage.totalTokens(), new ChatResponse.PromptTokensDetails(cached)));
        return ProviderReply.ok(withDetails, new TokenUsage(prompt, cached, usage.completionTokens()));
    }

    /**
     * An error body {@code {"error":{"message":..,"type":..,"code":..}}} (or vLLM's and Ollama's flat
     * {@code {"message":..}}, or plain text) as a stable code and the provider's message.
     */
    @Override
    public WireError error(int status, String body) {
        JsonNode error = errorNode(body);
        String text = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (text.isBlank() && body != null && !body.isBlank() && !error.isObject()) {
            text = body.strip();
        }
        String type = error.path("type").asText("");
        String providerCode = error.path("code").asText("");
        return WireError.of(code(status, providerCode, text), text, detail(type, providerCode));
    }

    private static String code(int status, String providerCode, String text) {
        if ((status == 400 || status == 413 || status == 422)
                && (ProviderErrors.meansContextLength(providerCode) || ProviderErrors.meansContextLength(text))) {
            return ProviderErrors.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status == 429 && providerCode.equals("insufficient_quota")) {
            return ProviderErrors.QUOTA_EXCEEDED;
        }
        return ProviderErrors.forStatus(status);
    }

    private static String detail(String type, String providerCode) {
        boolean numericCode = providerCode.chars().allMatch(Character::isDigit);
        String code = providerCode.isBlank() || numericCode ? "" : "code=" + providerCode;
        String kind = type.isBlank() ? "" : "type=" + type;
        return kind.isEmpty() || code.isEmpty() ? kind + code : kind + ", " + code;
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
}
