package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public output on {@code llm.results}: exactly one per request attempt.
 *
 * @param baselineCostUsd what the same tokens would have cost on the catalog's strongest model
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LlmResult(
        int schemaVersion,
        String id,
        int attempt,
        String tenant,
        ResultStatus status,
        ErrorInfo error,
        ChatResponse response,
        String model,
        String provider,
        TokenUsage usage,
        BigDecimal costUsd,
        BigDecimal baselineCostUsd,
        Long latencyMs,
        List<CascadeTraceEntry> cascade,
        boolean cacheHit,
        Instant completedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** A rejected result: the request was not sent to any model. */
    public static LlmResult rejected(String id, int attempt, String tenant, ErrorInfo error, Instant at) {
        return new LlmResult(SCHEMA_VERSION, id, attempt, tenant, ResultStatus.REJECTED, error, null, null, null,
                TokenUsage.ZERO, BigDecimal.ZERO, null, null, List.of(), false, at);
    }
}
