package dev.switchboard.core.policy;

import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LearnedAcceptance;
import dev.switchboard.core.event.TrainedPolicy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A trained router's policy on the wire ({@link TrainedPolicy} on a classification, {@link LearnedAcceptance} on a
 * plan) and back to the family that decides with it. The offline evaluator ({@link RecordedRouting}), the live
 * router ({@code routing.TrainedRoute}) and the executor's cascade ({@link LiveCascade}) all build their policy
 * here, so the service runs what {@code ./switchboard eval --model} measured.
 */
public final class TrainedPolicies {

    private TrainedPolicies() {
    }

    /** The wire form of a router's policy. @param task the task it serves; null for the fallback */
    public static TrainedPolicy wire(String task, TaskPolicy policy, Set<Signal> signals) {
        return new TrainedPolicy(task, policy.family(), policy.models(),
                policy.acceptance().stream().map(w -> Arrays.stream(w).boxed().toList()).toList(),
                policy.lastWord(), policy.threshold(), policy.skipGap(), names(signals), policy.otherwise());
    }

    /** The family that decides as the policy does, reading priors and answers through the evidence. */
    public static PolicyFamily family(TrainedPolicy policy, Evidence evidence) {
        if (CascadeFamily.NAME.equals(policy.family())) {
            return cascade(policy.models(), policy.acceptance(), policy.lastWord(), policy.signals(), evidence,
                    policy.skipGap());
        }
        if (ThresholdFamily.NAME.equals(policy.family()) || ThresholdFamily.MARGIN.equals(policy.family())) {
            return new ThresholdFamily(policy.models(), ThresholdFamily.MARGIN.equals(policy.family()),
                    policy.otherwise(), evidence);
        }
        throw new IllegalArgumentException("unknown policy family '" + policy.family() + "' (threshold, margin or "
                + "cascade)");
    }

    /** How the executor judges a cascade's steps, for the plan. */
    public static LearnedAcceptance acceptance(TrainedPolicy cascade) {
        return new LearnedAcceptance(cascade.acceptance(), cascade.signals(), cascade.lastWord(),
                cascade.threshold());
    }

    /** The cascade a plan's acceptance judges, over the plan's chain (never skipping: the router decided that). */
    static CascadeFamily cascade(List<String> chain, LearnedAcceptance acceptance, Evidence evidence) {
        return cascade(chain, acceptance.weights(), acceptance.lastWord(), acceptance.signals(), evidence, null);
    }

    /** Evidence for a live request: the classifier's predicted chance per model is the prior. */
    public static Evidence evidence(Classification classification) {
        Map<String, Double> prior = classification == null || classification.predictedQuality() == null
                ? Map.of() : Map.copyOf(classification.predictedQuality());
        return new Evidence(prompt -> prior);
    }

    private static CascadeFamily cascade(List<String> chain, List<List<Double>> weights, boolean lastWord,
                                         List<String> signals, Evidence evidence, Double skipGap) {
        List<LogisticModel> acceptance = weights.stream()
                .map(w -> new LogisticModel(w.stream().mapToDouble(Double::doubleValue).toArray())).toList();
        Set<Signal> read = signals(signals);
        int width = CascadeState.width(read) + 1;
        for (LogisticModel model : acceptance) {
            if (model.weights().length != width) {
                throw new IllegalArgumentException("an acceptance model has " + model.weights().length
                        + " weights, but the signals " + signals + " need " + width + " (intercept first)");
            }
        }
        return new CascadeFamily(chain, acceptance, lastWord, read, evidence,
                skipGap == null ? Double.POSITIVE_INFINITY : skipGap);
    }

    private static List<String> names(Set<Signal> signals) {
        return Arrays.stream(Signal.values()).filter(signals::contains)
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static Set<Signal> signals(List<String> names) {
        Set<Signal> set = EnumSet.noneOf(Signal.class);
        for (String name : names) {
            try {
                set.add(Signal.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown signal '" + name + "'; known: "
                        + names(EnumSet.allOf(Signal.class)), e);
            }
        }
        return set;
    }
}
