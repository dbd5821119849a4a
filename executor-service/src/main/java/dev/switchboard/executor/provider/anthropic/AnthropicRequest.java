package dev.switchboard.executor.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.http.ContentParts;

import java.util.List;

/** Says an OpenAI-style chat body as an Anthropic Messages body: system on top, content blocks, tools. */
final class AnthropicRequest {

    /** Anthropic has no JSON mode; the instruction is how its own docs get JSON-only answers. */
    static final String JSON_INSTRUCTION = "Answer with a single JSON value only: no prose, no code fences.";

    private AnthropicRequest() {
    }

    static ObjectNode body(ChatRequest body, ModelSpec model) {
        ArrayNode system = Json.MAPPER.createArrayNode();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        List<ChatMessage> chat = body.messages() == null ? List.of() : body.messages();
        for (ChatMessage message : chat) {
            String role = message.role() == null ? "user" : message.role();
            switch (role) {
                case "system", "developer" -> system.addAll(blocks(message.content()));
                case "user" -> append(messages, "user", blocks(message.content()));
                case "assistant" -> append(messages, "assistant", assistantBlocks(message));
                case "tool" -> append(messages, "user", Json.MAPPER.createArrayNode().add(toolResult(message)));
                default -> throw new IllegalArgumentException("message role '" + role
                        + "' has no Anthropic equivalent");
            }
        }
        if (body.wantsJson()) {
            system.add(text(JSON_INSTRUCTION + schemaHint(body.responseFormat())));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("model", model.providerModel());
        // Required by Anthropic; an OpenAI caller who sets none means "as long as the model allows".
        out.put("max_tokens", body.maxTokens() != null ? body.maxTokens() : model.maxOutputTokens());
        if (!system.isEmpty()) {
            out.set("system", simplified(system));
        }
        messages.forEach(m -> ((ObjectNode) m).set("content", simplified(m.get("content"))));
        out.set("messages", messages);
        if (body.temperature() != null) {
            // OpenAI's range is [0, 2], Anthropic's [0, 1]: clamp rather than have the call rejected.
            out.put("temperature", Math.max(0.0, Math.min(1.0, body.temperature())));
        }
        if (body.usesTools()) {
            out.set("tools", tools(body.tools()));
        }
        return out;
    }

    /** Consecutive turns of one role become one turn, as Anthropic wants all of a turn's tool results together. */
    private static void append(ArrayNode messages, String role, ArrayNode blocks) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode message = messages.addObject();
        message.put("role", role);
        message.set("content", blocks);
    }

    /** Content as Anthropic blocks: text (keeping {@code cache_control}), images, blocks already Anthropic's. */
    private static ArrayNode blocks(JsonNode content) {
        ArrayNode blocks = Json.MAPPER.createArrayNode();
        if (content == null || content.isNull()) {
            return blocks;
        }
        if (content.isTextual()) {
            return content.asText().isEmpty() ? blocks : blocks.add(text(content.asText()));
        }
        if (!content.isArray()) {
            throw new IllegalArgumentException("message content must be a string or an array of parts");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> {
                    ObjectNode block = text(part.path("text").asText(""));
                    if (part.has("cache_control")) {
                        block.set("cache_control", part.get("cache_control"));
                    }
                    blocks.add(block);
                }
                case "image_url" -> blocks.add(image(ContentParts.imageUrl(part)));
                case "image", "document", "tool_use", "tool_result" -> blocks.add(part);
                default -> throw new IllegalArgumentException("content part type '" + type
                        + "' has no Anthropic equivalent");
            }
        }
        return blocks;
    }

    private static ObjectNode image(String url) {
        ObjectNode block = Json.MAPPER.createObjectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        ContentParts.DataUrl data = ContentParts.dataUrl(url);
        if (data != null) {
            source.put("type", "base64").put("media_type", data.mediaType()).put("data", data.data());
        } else {
            source.put("type", "url").put("url", url);
        }
        return block;
    }

    private static ArrayNode assistantBlocks(ChatMessage message) {
        ArrayNode blocks = blocks(message.content());
        JsonNode calls = message.toolCalls();
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                ObjectNode use = blocks.addObject().put("type", "tool_use");
                use.put("id", call.path("id").asText());
                use.put("name", call.path("function").path("name").asText());
                use.set("input", ContentParts.arguments(call));
            }
        }
        return blocks;
    }

    private static ObjectNode toolResult(ChatMessage message) {
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw new IllegalArgumentException("a tool message needs the tool_call_id it answers");
        }
        ObjectNode result = Json.MAPPER.createObjectNode().put("type", "tool_result");
        result.put("tool_use_id", message.toolCallId());
        result.set("content", message.content() != null && message.content().isArray()
                ? blocks(message.content()) : Json.MAPPER.getNodeFactory().textNode(message.text()));
        return result;
    }

    /** OpenAI function tools as Anthropic tools; tools already in Anthropic's shape pass as they are. */
    private static ArrayNode tools(List<JsonNode> tools) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode tool : tools) {
            if (!tool.has("function")) {
                out.add(tool);
                continue;
            }
            JsonNode function = tool.get("function");
            ObjectNode converted = out.addObject().put("name", function.path("name").asText());
            if (function.hasNonNull("description")) {
                converted.put("description", function.get("description").asText());
            }
            JsonNode schema = function.get("parameters");
            converted.set("input_schema", schema != null && schema.isObject() ? schema
                    : Json.MAPPER.createObjectNode().put("type", "object"));
        }
        return out;
    }

    /** A lone plain text block as a string, which is how Anthropic's own examples write it. */
    private static JsonNode simplified(JsonNode blocks) {
        if (blocks.size() == 1 && "text".equals(blocks.get(0).path("type").asText())
                && !blocks.get(0).has("cache_control")) {
            return blocks.get(0).get("text");
        }
        return blocks;
    }

    private static String schemaHint(JsonNode responseFormat) {
        JsonNode schema = responseFormat.path("json_schema").path("schema");
        return schema.isObject() ? " It must match this JSON Schema: " + Json.write(schema) : "";
    }

    private static ObjectNode text(String text) {
        return Json.MAPPER.createObjectNode().put("type", "text").put("text", text);
    }
}
