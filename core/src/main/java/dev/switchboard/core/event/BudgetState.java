package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/** Spend against a limit for one budget scope, on the compacted {@code llm.budget-state} topic. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetState(
        int schemaVersion,
        String scope,
        BigDecimal spentUsd,
        BigDecimal limitUsd,
        String period,
        Instant periodStart,
        BudgetStatus status,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;
}
