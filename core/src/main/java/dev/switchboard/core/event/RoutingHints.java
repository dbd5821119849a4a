package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * What the caller tells the router: strategy (and optionally its own score weights), a pinned model, limits and
 * switches. Every field is optional.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingHints(
        Strategy strategy,
        String model,
        BigDecimal maxCostUsd,
        Long maxLatencyMs,
        Double minQuality,
        CascadeMode cascade,
        Priority priority,
        CacheMode cache,
        RoutingWeights weights) {

    public static final RoutingHints DEFAULTS = new RoutingHints(null, null, null, null, null, null, null, null);

    /** Hints without score weights (the strategy's defaults apply), as written before weights existed. */
    public RoutingHints(Strategy strategy, String model, BigDecimal maxCostUsd, Long maxLatencyMs, Double minQuality,
                        CascadeMode cascade, Priority priority, CacheMode cache) {
        this(strategy, model, maxCostUsd, maxLatencyMs, minQuality, cascade, priority, cache, null);
    }

    /** The strategy, {@link Strategy#BALANCED} when unset. */
    public Strategy strategyOrDefault() {
        return strategy == null ? Strategy.BALANCED : strategy;
    }
}
