package dev.switchboard.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The policy training chose for one task, calibrated: which family, its models, its acceptance weights and the
 * operating threshold, with what it scored on the training prompts (in-sample, for the record).
 *
 * @param models     a cascade's chain, or the threshold policy's models cheapest first
 * @param acceptance a cascade's acceptance weights per step (intercept first); empty for the threshold policy
 * @param lastWord   whether a cascade's last model overrules the others at the end of the chain
 * @param threshold  the calibrated operating threshold
 * @param skipGap    a cascade's skip gap ({@link CascadeFamily#skipGap}); null: it never skips (and in routers
 *                   trained before cascades could skip)
 * @param otherwise  the threshold policy's model for a prompt no prediction clears
 *                   ({@link ThresholdFamily#otherwise}); null: the best-predicted one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskPolicy(String family, List<String> models, List<double[]> acceptance, boolean lastWord,
                         double threshold,
                         int trainingPrompts, double trainingQuality, BigDecimal trainingCostUsd,
                         double trainingLevel, Double skipGap,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String otherwise) {

    public TaskPolicy {
        models = List.copyOf(models);
        acceptance = List.copyOf(acceptance);
    }

    /**
     * The family this policy belongs to, reading evidence from the given source; built from the policy's wire form
     * ({@link TrainedPolicies}), as the live router and executor build it.
     */
    public PolicyFamily family(Set<Signal> signals, Evidence evidence) {
        return TrainedPolicies.family(TrainedPolicies.wire(null, this, signals), evidence);
    }
}
