package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * How the executor judges a trained cascade's answers instead of the quality gate: after each step, the step's
 * logistic model over the signals (agreement of the answers so far, answer form, gate penalty, prior, lengths)
 * gives the chance that the answer the cascade would return now is as good as the end of the chain; at
 * {@code threshold} or above it stops. The answer returned may be an earlier step's (the one most answers agree
 * on), unless the last model has the last word. Exactly what {@code ./switchboard eval} runs offline.
 *
 * @param weights  per step but the last: intercept, then one weight per feature of {@code signals}
 * @param signals  lower-case {@code policy.Signal} names, in that enum's order
 * @param lastWord at the end of the chain the last model's answer is returned, else the majority's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnedAcceptance(List<List<Double>> weights, List<String> signals, boolean lastWord,
                                double threshold) {

    public LearnedAcceptance {
        weights = weights == null ? List.of() : weights.stream().map(List::copyOf).toList();
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
