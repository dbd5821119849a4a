package dev.switchboard.core.routing;

import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LearnedAcceptance;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.event.TrainedPolicy;
import dev.switchboard.core.policy.CascadeFamily;
import dev.switchboard.core.policy.PolicyFamily;
import dev.switchboard.core.policy.PromptView;
import dev.switchboard.core.policy.TrainedPolicies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows a trained router's calibrated policy for the request's task ({@link Classification#trainedPolicy}): the
 * models {@code ./switchboard eval --model} would call for this prompt ({@link PolicyFamily#plannedCalls}), and for a
 * cascade the learned acceptance the executor judges its steps by. It applies to the cost and balanced strategies
 * (the policy is calibrated to be the cheapest at a share of the best model's quality, or the best within a budget of
 * strong-model calls), without caller weights,
 * when every planned model is eligible for the request; otherwise the strategy routes as usual and says why.
 */
final class TrainedRoute {

    private TrainedRoute() {
    }

    /** The plan, or (plan null) why the trained policy was not followed. */
    record Outcome(RoutePlan plan, String notFollowed) {
    }

    /**
     * @param eligible the candidates that meet the request's constraints
     * @param ranked   the strategy's ranking of them, for fallbacks
     */
    static Outcome plan(LlmRequest request, Classification classification, List<Candidate> eligible,
                        List<String> ranked, CallEstimate baseline) {
        TrainedPolicy policy = classification.trainedPolicy();
        RoutingHints hints = request.hintsOrDefaults();
        Strategy strategy = hints.strategyOrDefault();
        if (strategy != Strategy.COST && strategy != Strategy.BALANCED) {
            return notFollowed("the " + strategy.wire() + " strategy does not follow it");
        }
        if (hints.weights() != null) {
            return notFollowed("the request gives its own weights");
        }
        boolean cascade = CascadeFamily.NAME.equals(policy.family());
        if (cascade && hints.cascade() == CascadeMode.OFF) {
            return notFollowed("it is a cascade and the request says cascade=off");
        }
        Map<String, Candidate> byId = eligible.stream().collect(Collectors.toMap(Candidate::id, Function.identity()));
        List<String> missing = policy.models().stream()
                .filter(m -> classification.predictedQuality() == null
                        || !classification.predictedQuality().containsKey(m)).toList();
        if (!missing.isEmpty()) {
            return notFollowed("no prediction for " + String.join(", ", missing));
        }
        PolicyFamily family;
        try {
            family = TrainedPolicies.family(policy, TrainedPolicies.evidence(classification));
        } catch (IllegalArgumentException e) {
            return notFollowed(e.getMessage());
        }
        List<String> calls = family.plannedCalls(PromptView.of(request, classification), policy.threshold());
        List<String> ineligible = calls.stream().filter(m -> !byId.containsKey(m)).toList();
        if (!ineligible.isEmpty()) {
            return notFollowed(String.join(", ", ineligible) + " may not serve this request");
        }
        List<String> fallbacks = ranked.stream().filter(m -> !calls.contains(m)).limit(StrategyPolicy.FALLBACKS)
                .toList();
        List<CascadeStep> steps = new ArrayList<>();
        for (String model : calls) {
            steps.add(new CascadeStep(model, byId.get(model).model().provider(), null));
        }
        CallEstimate first = byId.get(calls.get(0)).estimate();
        LearnedAcceptance acceptance = calls.size() > 1 ? TrainedPolicies.acceptance(policy) : null;
        String rationale = strategy.wire() + ": trained policy for " + describeTask(policy) + " (" + policy.family()
                + ", threshold " + threshold(policy.threshold()) + "): " + why(policy, calls, classification);
        return new Outcome(new RoutePlan(calls.get(0), steps, fallbacks, first.costUsd(), baseline.costUsd(),
                baseline.model().id(), strategy, rationale, acceptance), null);
    }

    private static Outcome notFollowed(String why) {
        return new Outcome(null, why);
    }

    private static String describeTask(TrainedPolicy policy) {
        return policy.task() == null ? "tasks it was not trained on" : "task '" + policy.task() + "'";
    }

    private static String why(TrainedPolicy policy, List<String> calls, Classification classification) {
        Map<String, Double> prior = classification.predictedQuality();
        if (!CascadeFamily.NAME.equals(policy.family())) {
            String model = calls.get(0);
            String predicted = model + ", predicted " + Candidate.twoPlaces(prior.get(model));
            if (prior.get(model) >= policy.threshold()) {
                return predicted + " >= the threshold, the cheapest that reaches it";
            }
            return policy.otherwise() != null ? predicted + ": none reaches the threshold: the strongest model, "
                    + policy.otherwise() : predicted + ", the best predicted: none reaches the threshold";
        }
        if (calls.size() == 1) {
            String first = policy.models().get(0);
            return "straight to " + calls.get(0) + ": predicted " + Candidate.twoPlaces(prior.get(calls.get(0)))
                    + " against " + first + "'s " + Candidate.twoPlaces(prior.get(first)) + ", more than the skip gap "
                    + threshold(policy.skipGap());
        }
        return String.join(" -> ", calls) + ", stopping at the first step whose learned acceptance reaches "
                + threshold(policy.threshold());
    }

    private static String threshold(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
