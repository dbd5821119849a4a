package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The policy a trained router ({@code ./switchboard train}) calibrated for the request's task, as the classifier
 * found it in the router it predicts with: the router follows it when its models are the catalog's and may serve
 * the request (see {@code routing.TrainedRoute}). The same policy {@code ./switchboard eval --model} measures.
 *
 * @param task       the task it was trained for, or {@code null} for the router's fallback (a task it never saw)
 * @param family     {@code threshold} or {@code cascade}
 * @param models     a cascade's chain, or the threshold policy's models, cheapest first
 * @param acceptance a cascade's acceptance weights per step but the last (intercept first); empty otherwise
 * @param lastWord   whether a cascade's last model overrules the others at the end of the chain
 * @param threshold  the calibrated threshold
 * @param skipGap    a cascade's skip gap; null: it never skips
 * @param signals    the evidence the acceptance weights read, in {@code policy.Signal} order (lower case)
 * @param otherwise  the threshold policy's model for a prompt no prediction clears; null: the best-predicted one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainedPolicy(String task, String family, List<String> models, List<List<Double>> acceptance,
                            boolean lastWord, double threshold, Double skipGap, List<String> signals,
                            String otherwise) {

    public TrainedPolicy {
        models = models == null ? List.of() : List.copyOf(models);
        acceptance = acceptance == null ? List.of() : acceptance.stream().map(List::copyOf).toList();
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
