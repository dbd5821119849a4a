package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One metered provider call (or cache hit), on {@code llm.usage}.
 *
 * @param eventId derived from request id, attempt and step (1 = the first call), so a redelivery carries the same id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageEvent(
        int schemaVersion,
        String eventId,
        String requestId,
        int attempt,
        int step,
        String tenant,
        String project,
        String user,
        String feature,
        String model,
        String provider,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        BigDecimal costUsd,
        long latencyMs,
        UsageOutcome outcome,
        Boolean accepted,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The event id for a call: stable across redeliveries of the same request attempt and step. */
    public static String eventIdFor(String requestId, int attempt, int step) {
        return requestId + ":" + attempt + ":" + step;
    }
}
