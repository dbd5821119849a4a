package dev.switchboard.core.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.event.CacheMode;
import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.Priority;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.event.WireEnum;
import dev.switchboard.core.json.Json;

/**
 * Turns the raw bytes of an {@code llm.requests} record into a request, or says precisely which field is wrong.
 * Checks the tree before binding so every error names a field and no bad input reaches a decision.
 */
public final class RequestIntake {

    private RequestIntake() {
    }

    /** The outcome of reading one record. */
    public sealed interface Outcome permits Accepted, Invalid {
    }

    /** A well-formed request. */
    public record Accepted(LlmRequest request) implements Outcome {
    }

    /**
     * A record that cannot be processed. {@code requestId} is null when no id could be read: such a record goes
     * to the dead-letter topic, the others get a rejected result.
     */
    public record Invalid(String requestId, String field, String message) implements Outcome {
    }

    public static Outcome read(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Invalid(null, "$", "record value is empty");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return new Invalid(null, "$", "record value is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            return new Invalid(null, "$", "record value must be a JSON object");
        }
        JsonNode id = tree.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return new Invalid(null, "id", "field 'id' is missing or not a non-empty string");
        }
        String requestId = id.asText();
        String problem = firstProblem(tree);
        if (problem != null) {
            int colon = problem.indexOf(':');
            return new Invalid(requestId, problem.substring(0, colon), problem.substring(colon + 2));
        }
        try {
            return new Accepted(Json.MAPPER.treeToValue(tree, LlmRequest.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException jme
                    ? jme.getPathReference() : "$";
            return new Invalid(requestId, field, "field has the wrong type: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** "field: message" for the first problem found, or null. */
    private static String firstProblem(JsonNode tree) {
        if (!textOrAbsent(tree, "tenant") || !tree.hasNonNull("tenant") || tree.get("tenant").asText().isBlank()) {
            return "tenant: field 'tenant' is missing or not a non-empty string";
        }
        for (String field : new String[] {"project", "user", "feature"}) {
            if (!textOrAbsent(tree, field)) {
                return field + ": field '" + field + "' must be a string";
            }
        }
        JsonNode body = tree.get("body");
        if (body == null || !body.isObject()) {
            return "body: field 'body' (the chat request) is missing or not an object";
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "body.messages: field 'body.messages' is missing or empty; send at least one message";
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "body.messages[" + i + "]";
            if (!m.isObject() || !m.path("role").isTextual()) {
                return at + ".role: field '" + at + ".role' is missing or not a string";
            }
            JsonNode content = m.get("content");
            boolean toolCall = m.has("tool_calls");
            if (!toolCall && (content == null || !(content.isTextual() || content.isArray()))) {
                return at + ".content: field '" + at + ".content' must be a string or an array of parts";
            }
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull() && (!maxTokens.canConvertToInt() || maxTokens.asInt() <= 0)) {
            return "body.max_tokens: field 'body.max_tokens' must be a positive integer";
        }
        JsonNode hints = tree.get("hints");
        if (hints == null || hints.isNull()) {
            return null;
        }
        if (!hints.isObject()) {
            return "hints: field 'hints' must be an object";
        }
        String bad = enumProblem(hints, "strategy", Strategy.class);
        bad = bad != null ? bad : enumProblem(hints, "cascade", CascadeMode.class);
        bad = bad != null ? bad : enumProblem(hints, "priority", Priority.class);
        bad = bad != null ? bad : enumProblem(hints, "cache", CacheMode.class);
        if (bad != null) {
            return bad;
        }
        for (String field : new String[] {"max_cost_usd", "max_latency_ms", "min_quality"}) {
            JsonNode v = hints.get(field);
            if (v != null && !v.isNull() && (!v.isNumber() || v.asDouble() < 0)) {
                return "hints." + field + ": field 'hints." + field + "' must be a non-negative number";
            }
        }
        return null;
    }

    private static <E extends Enum<E> & WireEnum> String enumProblem(JsonNode hints, String field, Class<E> type) {
        JsonNode v = hints.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || WireEnum.parse(type, v.asText()).isEmpty()) {
            return "hints." + field + ": unknown " + field + " '" + v.asText() + "' in field 'hints." + field
                    + "'; expected one of " + WireEnum.choices(type);
        }
        return null;
    }

    private static boolean textOrAbsent(JsonNode tree, String field) {
        JsonNode v = tree.get(field);
        return v == null || v.isNull() || v.isTextual();
    }
}
