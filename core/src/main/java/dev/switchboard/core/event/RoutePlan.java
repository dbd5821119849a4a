package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;

/**
 * The router's decision: the steps to run (one step unless cascading), fallbacks, the price estimate and why.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutePlan(
        String primaryModel,
        List<CascadeStep> steps,
        List<String> fallbacks,
        BigDecimal estimatedCostUsd,
        BigDecimal baselineCostUsd,
        String baselineModel,
        Strategy strategy,
        String rationale) {
}
