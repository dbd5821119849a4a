package dev.switchboard.executor.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.http.ContentParts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Says an OpenAI-style chat body as a Gemini {@code generateContent} body: contents, parts, systemInstruction. */
final class GeminiRequest {

    private GeminiRequest() {
    }

    static ObjectNode body(ChatRequest body) {
        ArrayNode system = Json.MAPPER.createArrayNode();
        ArrayNode contents = Json.MAPPER.createArrayNode();
        // Gemini answers a function call by name; OpenAI's tool messages name only the call id.
        Map<String, String> toolNames = new HashMap<>();
        List<ChatMessage> chat = body.messages() == null ? List.of() : body.messages();
        for (ChatMessage message : chat) {
            String role = message.role() == null ? "user" : message.role();
            switch (role) {
                case "system", "developer" -> system.addAll(parts(message.content()));
                case "user" -> append(contents, "user", parts(message.content()));
                case "assistant" -> append(contents, "model", modelParts(message, toolNames));
                case "tool" -> append(contents, "user", Json.MAPPER.createArrayNode()
                        .add(functionResponse(message, toolNames)));
                default -> throw new IllegalArgumentException("message role '" + role + "' has no Gemini equivalent");
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (!system.isEmpty()) {
            out.putObject("systemInstruction").set("parts", system);
        }
        out.set("contents", contents);
        ObjectNode config = generationConfig(body);
        if (!config.isEmpty()) {
            out.set("generationConfig", config);
        }
        if (body.usesTools()) {
            out.putArray("tools").addObject().set("functionDeclarations", declarations(body.tools()));
        }
        return out;
    }

    private static ObjectNode generationConfig(ChatRequest body) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        if (body.maxTokens() != null) {
            config.put("maxOutputTokens", body.maxTokens());
        }
        if (body.temperature() != null) {
            config.put("temperature", body.temperature());
        }
        if (body.wantsJson()) {
            config.put("responseMimeType", "application/json");
            JsonNode schema = body.responseFormat().path("json_schema").path("schema");
            if (schema.isObject()) {
                config.set("responseJsonSchema", schema);
            }
        }
        return config;
    }

    /** Consecutive turns of one role become one, so all of a turn's function responses travel together. */
    private static void append(ArrayNode contents, String role, ArrayNode parts) {
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        ObjectNode content = contents.addObject();
        content.put("role", role);
        content.set("parts", parts);
    }

    private static ArrayNode parts(JsonNode content) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        if (content == null || content.isNull()) {
            return parts;
        }
        if (content.isTextual()) {
            return content.asText().isEmpty() ? parts : parts.add(text(content.asText()));
        }
        if (!content.isArray()) {
            throw new IllegalArgumentException("message content must be a string or an array of parts");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> parts.add(text(part.path("text").asText("")));
                case "image_url" -> parts.add(image(ContentParts.imageUrl(part)));
                default -> throw new IllegalArgumentException("content part type '" + type
                        + "' has no Gemini equivalent");
            }
        }
        return parts;
    }

    private static ObjectNode image(String url) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        ContentParts.DataUrl data = ContentParts.dataUrl(url);
        if (data != null) {
            part.putObject("inlineData").put("mimeType", data.mediaType()).put("data", data.data());
        } else {
            part.putObject("fileData").put("mimeType", ContentParts.mediaTypeOf(url)).put("fileUri", url);
        }
        return part;
    }

    private static ArrayNode modelParts(ChatMessage message, Map<String, String> toolNames) {
        ArrayNode parts = parts(message.content());
        JsonNode calls = message.toolCalls();
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                String name = call.path("function").path("name").asText();
                toolNames.put(call.path("id").asText(), name);
                ObjectNode functionCall = parts.addObject().putObject("functionCall");
                functionCall.put("name", name);
                functionCall.set("args", ContentParts.arguments(call));
            }
        }
        return parts;
    }

    private static ObjectNode functionResponse(ChatMessage message, Map<String, String> toolNames) {
        String name = message.toolCallId() == null ? message.name() : toolNames.getOrDefault(message.toolCallId(),
                message.name());
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tool message must answer a tool call of an earlier assistant "
                    + "message (tool_call_id) or name its function");
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode functionResponse = response.putObject("functionResponse").put("name", name);
        functionResponse.set("response", resultObject(message.text()));
        return response;
    }

    /** Gemini wants an object: the tool's JSON object as it is, anything else under {@code result}. */
    private static JsonNode resultObject(String text) {
        try {
            JsonNode parsed = Json.tree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (IllegalArgumentException notJson) {
            // plain text result
        }
        return Json.MAPPER.createObjectNode().put("result", text);
    }

    /**
     * OpenAI function tools as Gemini function declarations. {@code parametersJsonSchema} takes the JSON Schema
     * as OpenAI callers write it ({@code additionalProperties} and all), where {@code parameters} takes a subset.
     */
    private static ArrayNode declarations(List<JsonNode> tools) {
        ArrayNode declarations = Json.MAPPER.createArrayNode();
        for (JsonNode tool : tools) {
            JsonNode function = tool.has("function") ? tool.get("function") : tool;
            ObjectNode declaration = declarations.addObject().put("name", function.path("name").asText());
            if (function.hasNonNull("description")) {
                declaration.put("description", function.get("description").asText());
            }
            if (function.path("parameters").isObject()) {
                declaration.set("parametersJsonSchema", function.get("parameters"));
            }
        }
        return declarations;
    }

    private static ObjectNode text(String text) {
        return Json.MAPPER.createObjectNode().put("text", text);
    }
}
