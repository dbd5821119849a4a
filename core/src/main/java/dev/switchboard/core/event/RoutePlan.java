package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;

/**
 * The router's decision: the steps to run (one step unless cascading), fallbacks, the price estimate and why.
 *
 * @param acceptance how a trained cascade's steps are judged (learned acceptance); null: each step's
 *                   {@code accept_threshold} on the quality gate's score
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
        String rationale,
        LearnedAcceptance acceptance) {

    /** A plan whose cascade steps, if any, are judged by the quality gate. */
    public RoutePlan(String primaryModel, List<CascadeStep> steps, List<String> fallbacks,
                     BigDecimal estimatedCostUsd, BigDecimal baselineCostUsd, String baselineModel, Strategy strategy,
                     String rationale) {
        this(primaryModel, steps, fallbacks, estimatedCostUsd, baselineCostUsd, baselineModel, strategy, rationale,
                null);
    }
}
