package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Map;

/**
 * The public input on {@code llm.requests}: an OpenAI-style chat body plus attribution and routing hints.
 *
 * @param attempt 1 for the first submission; a caller re-submitting the same id raises it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LlmRequest(
        int schemaVersion,
        String id,
        Integer attempt,
        String tenant,
        String project,
        String user,
        String feature,
        Map<String, String> tags,
        ChatRequest body,
        RoutingHints hints,
        Instant createdAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The attempt number, 1 when the caller did not set one. */
    public int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }

    /** The hints, or all-defaults when the caller sent none. */
    public RoutingHints hintsOrDefaults() {
        return hints == null ? RoutingHints.DEFAULTS : hints;
    }
}
