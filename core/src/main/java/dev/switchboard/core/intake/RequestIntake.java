package dev.switchboard.core.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.event.CacheMode;
import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.Priority;
import dev.switchboard.core.event.RoutingWeights;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.event.WireEnum;
import dev.switchboard.core.json.Json;

import java.util.List;

/**
 * Turns the raw bytes of an {@code llm.requests} record into a request, or says precisely which field is wrong.
 * Checks the tree before binding so every error names a field and no bad input reaches a decision.
 */
public final class RequestIntake {

    // A second document after the request ("{...} {...}") is a broken producer, not something to drop silently.
    private static final ObjectReader TREE_READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The chat roles of the public schema, in its order. */
    private static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool");

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
            tree = TREE_READER.readTree(raw);
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
            return new Accepted(withSchemaVersion(Json.MAPPER.treeToValue(tree, LlmRequest.class)));
        } catch (JsonMappingException e) {
            String field = fieldPath(e);
            return new Invalid(requestId, field, "field '" + field + "' has the wrong type or format: "
                    + abbreviate(valueAt(tree, e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Invalid(requestId, "$", "record cannot be read as a request: " + e.getMessage());
        }
    }

    /** The public schema reads a missing {@code schema_version} as 1; the record would otherwise say 0. */
    private static LlmRequest withSchemaVersion(LlmRequest r) {
        return r.schemaVersion() != 0 ? r : new LlmRequest(LlmRequest.SCHEMA_VERSION, r.id(), r.attempt(), r.tenant(),
                r.project(), r.user(), r.feature(), r.tags(), r.body(), r.hints(), r.createdAt());
    }

    /** The JSON path of a binding error as callers write it: {@code body.messages[0].content}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** The offending value as sent, so the message shows what was wrong without naming Java types. */
    private static String valueAt(JsonNode tree, JsonMappingException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node.isMissingNode() ? "(missing)" : node.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** "field: message" for the first problem found, or null; checks in the order of the public schema. */
    private static String firstProblem(JsonNode tree) {
        String problem = attributionProblem(tree);
        problem = problem != null ? problem : bodyProblem(tree.get("body"));
        return problem != null ? problem : hintsProblem(tree.get("hints"));
    }

    private static String attributionProblem(JsonNode tree) {
        if (!textOrAbsent(tree, "tenant") || !tree.hasNonNull("tenant") || tree.get("tenant").asText().isBlank()) {
            return "tenant: field 'tenant' is missing or not a non-empty string";
        }
        JsonNode attempt = tree.get("attempt");
        if (attempt != null && !attempt.isNull() && !isPositiveInt(attempt)) {
            return "attempt: field 'attempt' must be a positive integer (1 for the first submission)";
        }
        for (String field : new String[] {"project", "user", "feature"}) {
            if (!textOrAbsent(tree, field)) {
                return field + ": field '" + field + "' must be a string";
            }
        }
        return null;
    }

    private static String bodyProblem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "body: field 'body' (the chat request) is missing or not an object";
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "body.messages: field 'body.messages' is missing or empty; send at least one message";
        }
        for (int i = 0; i < messages.size(); i++) {
            String problem = messageProblem(messages.get(i), "body.messages[" + i + "]");
            if (problem != null) {
                return problem;
            }
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull() && !isPositiveInt(maxTokens)) {
            return "body.max_tokens: field 'body.max_tokens' must be a positive integer";
        }
        JsonNode temperature = body.get("temperature");
        if (temperature != null && !temperature.isNull()
                && (!temperature.isNumber() || temperature.asDouble() < 0 || temperature.asDouble() > 2)) {
            return "body.temperature: field 'body.temperature' must be a number from 0 to 2";
        }
        return null;
    }

    private static String messageProblem(JsonNode m, String at) {
        if (!m.isObject() || !m.path("role").isTextual()) {
            return at + ".role: field '" + at + ".role' is missing or not a string";
        }
        if (!ROLES.contains(m.get("role").asText())) {
            return at + ".role: unknown role '" + m.get("role").asText() + "' in field '" + at
                    + ".role'; expected one of " + String.join("|", ROLES);
        }
        JsonNode content = m.get("content");
        if (!m.has("tool_calls") && (content == null || !(content.isTextual() || content.isArray()))) {
            return at + ".content: field '" + at + ".content' must be a string or an array of parts";
        }
        return null;
    }

    private static String hintsProblem(JsonNode hints) {
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
        JsonNode model = hints.get("model");
        if (model != null && !model.isNull() && (!model.isTextual() || model.asText().isBlank())) {
            return "hints.model: field 'hints.model' must be a non-empty string (a catalog model id)";
        }
        for (String field : new String[] {"max_cost_usd", "max_latency_ms", "min_quality"}) {
            JsonNode v = hints.get(field);
            if (v != null && !v.isNull() && (!v.isNumber() || v.asDouble() < 0)) {
                return "hints." + field + ": field 'hints." + field + "' must be a non-negative number";
            }
        }
        JsonNode minQuality = hints.get("min_quality");
        if (minQuality != null && minQuality.isNumber() && minQuality.asDouble() > 1) {
            return "hints.min_quality: field 'hints.min_quality' must be between 0 and 1 (the catalog's quality scale)";
        }
        return weightsProblem(hints.get("weights"));
    }

    /** {@code hints.weights}: an object of known, non-negative numeric weights, at least one positive. */
    private static String weightsProblem(JsonNode weights) {
        if (weights == null || weights.isNull()) {
            return null;
        }
        if (!weights.isObject()) {
            return "hints.weights: field 'hints.weights' must be an object such as {\"cost\": 0.5, \"latency\": 0.2, "
                    + "\"quality\": 0.3}";
        }
        for (var fields = weights.fieldNames(); fields.hasNext(); ) {
            String name = fields.next();
            String field = "hints.weights." + name;
            if (!RoutingWeights.FIELDS.contains(name)) {
                return field + ": unknown weight '" + name + "' in field 'hints.weights'; expected one of "
                        + String.join("|", RoutingWeights.FIELDS);
            }
            JsonNode v = weights.get(name);
            if (!v.isNull() && !v.isNumber()) {
                return field + ": field '" + field + "' must be a non-negative number";
            }
        }
        return new RoutingWeights(number(weights, "cost"), number(weights, "latency"), number(weights, "quality"))
                .problem();
    }

    private static Double number(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    /** A whole number from 1 to Integer.MAX_VALUE; 10.5 and "10" are not. */
    private static boolean isPositiveInt(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.asInt() > 0;
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
