package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A caller's own weights for the router's score ({@code hints.weights}), replacing the strategy's defaults. Only
 * their ratios matter; a missing weight counts as 0.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingWeights(Double cost, Double latency, Double quality) {

    /** The JSON field names, in the order messages list them. */
    public static final List<String> FIELDS = List.of("cost", "latency", "quality");

    /**
     * What makes these weights unusable, as "field: message" with the field path from the request's root
     * ({@code hints.weights.cost: ...}); null when they are fine.
     */
    public String problem() {
        Double[] values = {cost, latency, quality};
        boolean anyPositive = false;
        for (int i = 0; i < values.length; i++) {
            Double v = values[i];
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                String field = "hints.weights." + FIELDS.get(i);
                return field + ": field '" + field + "' must be a non-negative number";
            }
            anyPositive |= v != null && v > 0;
        }
        return anyPositive ? null
                : "hints.weights: field 'hints.weights' needs at least one positive weight (cost, latency, quality)";
    }
}
