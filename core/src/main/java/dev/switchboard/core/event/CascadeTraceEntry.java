package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/** One step a request went through: which model, what it cost, whether its answer was accepted. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CascadeTraceEntry(
        int step,
        String model,
        String provider,
        boolean accepted,
        Double gateScore,
        TokenUsage usage,
        BigDecimal costUsd,
        long latencyMs,
        String error) {
}
