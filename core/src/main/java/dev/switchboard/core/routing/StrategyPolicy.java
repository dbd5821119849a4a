package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.Strategy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Routes by the request's strategy: the hard constraints first ({@link Eligibility}), then the eligible models
 * ordered by the strategy's weighted score ({@link StrategyWeights}, or the caller's {@code hints.weights}), then
 * the first of them whose quality reaches the request's quality target ({@link QualityTarget#pick}), with the next
 * two as fallbacks. Quality is the classifier's predicted chance of a good answer where it has one, else the
 * catalog's quality. A pinned model ({@code hints.model}) is taken as is.
 *
 * <p>The quality target is the caller's {@code min_quality} (then also a hard constraint: no model below it), else
 * the floor of the request's complexity tier, read on the same 0..1 scale as a predicted chance of a good answer:
 * low 0 (anything, so cheap work goes to cheap models), medium 0.75 and high 0.85. The tier floor is a target, not
 * a constraint: when no eligible model reaches it, the best one is taken rather than the request refused.
 */
public final class StrategyPolicy implements RoutingPolicy {

    /**
     * Quality target per complexity tier. In the built-in catalog (no prediction) low work goes to the cheapest
     * models (gemini-2.0-flash, gpt-4.1-nano); medium needs 0.75, which nano, gpt-4o-mini, claude-3-5-haiku,
     * llama-3.3-70b and gemini-2.0-flash (0.72) miss, so cost routing sends it to gpt-4.1-mini or gemini-2.5-flash;
     * high needs 0.85: gpt-4.1, gemini-2.5-pro, claude-sonnet-4 or claude-opus-4.
     */
    public static final double TARGET_LOW = 0.0;
    public static final double TARGET_MEDIUM = 0.75;
    public static final double TARGET_HIGH = 0.85;

    /** How many models after the primary the executor may fall back to. */
    public static final int FALLBACKS = 2;

    /**
     * The quality gate score a cascade's draft must reach ({@code hints.cascade=on}). The gate multiplies its
     * penalties, so 0.65 turns down a refusal (0.3), a too-short answer (0.5), a truncated one (0.6) or a missing
     * code block or number (0.5), and lets a hedge (0.7) or a missing final-answer line (0.7) through.
     */
    public static final double DRAFT_ACCEPT = 0.65;

    /**
     * With the classifier's predictions, the target is a share of the best eligible model's predicted chance for
     * this very prompt, as the offline evaluator's target is a share (95%) of the best model's quality: predicted
     * chances are probabilities of a good answer, not catalog levels, so a fixed floor would send every hard prompt
     * to the strongest model and every easy one to the cheapest.
     */
    public static final double SHARE_LOW = 0.80;
    public static final double SHARE_MEDIUM = 0.90;
    public static final double SHARE_HIGH = 0.95;

    /** The share of the best predicted chance a complexity tier aims for; a missing tier counts as medium. */
    public static double tierShare(Complexity complexity) {
        if (complexity == null) {
            return SHARE_MEDIUM;
        }
        return switch (complexity) {
            case LOW -> SHARE_LOW;
            case MEDIUM -> SHARE_MEDIUM;
            case HIGH -> SHARE_HIGH;
        };
    }

    /** The quality target of a complexity tier; a missing tier counts as medium. */
    public static double tierTarget(Complexity complexity) {
        if (complexity == null) {
            return TARGET_MEDIUM;
        }
        return switch (complexity) {
            case LOW -> TARGET_LOW;
            case MEDIUM -> TARGET_MEDIUM;
            case HIGH -> TARGET_HIGH;
        };
    }

    @Override
    public RouteDecision decide(LlmRequest request, Classification classification, ModelCatalog catalog) {
        RoutingHints hints = request.hintsOrDefaults();
        Strategy strategy = hints.strategyOrDefault();
        int in = classification.inputTokens();
        int out = classification.estimatedOutputTokens();
        CallEstimate baseline = CallEstimate.of(catalog.strongest(), in, out);
        if (hints.model() != null && !hints.model().isBlank()) {
            return pinned(hints.model(), catalog, in, out, baseline, strategy);
        }
        String badWeights = hints.weights() == null ? null : hints.weights().problem();
        if (badWeights != null) {
            return RouteDecision.rejected(ErrorInfo.INVALID_REQUEST, badWeights.substring(badWeights.indexOf(':') + 2));
        }
        StrategyWeights weights = hints.weights() == null ? StrategyWeights.of(strategy)
                : StrategyWeights.of(hints.weights());
        Eligibility eligibility = Eligibility.of(classification, hints);
        Eligibility.Outcome outcome = eligibility.apply(catalog.models().stream()
                .map(model -> Candidate.of(model, in, out, classification.predictedQuality())).toList());
        if (outcome.eligible().isEmpty()) {
            return RouteDecision.rejected(ErrorInfo.NO_ELIGIBLE_MODEL, outcome.rejection());
        }
        Target target = Target.of(hints, classification.complexity(), outcome.eligible());
        List<WeightedScore.Scored> ranked = QualityTarget.rank(WeightedScore.order(outcome.eligible(), weights),
                s -> s.candidate().quality(), target.value());
        WeightedScore.Scored primary = ranked.get(0);
        List<String> fallbacks = ranked.stream().skip(1).limit(FALLBACKS).map(s -> s.candidate().id()).toList();
        String rationale = strategy.wire() + (hints.weights() == null ? "" : ", weights from hints")
                + " (" + weights.describe() + ")"
                + (eligibility.shownLabels().isEmpty() ? "" : " meeting " + eligibility.shownLabels())
                + ": " + why(primary, target);
        if (classification.trainedPolicy() != null) {
            TrainedRoute.Outcome trained = TrainedRoute.plan(request, classification, outcome.eligible(),
                    ranked.stream().map(s -> s.candidate().id()).toList(), baseline);
            if (trained.plan() != null) {
                return RouteDecision.routed(trained.plan());
            }
            rationale += "; trained policy not followed: " + trained.notFollowed();
        }
        if (hints.cascade() == CascadeMode.ON) {
            Optional<Candidate> drafter = outcome.eligible().stream()
                    .filter(c -> c.costUsd().compareTo(primary.candidate().costUsd()) < 0)
                    .min(Comparator.comparing(Candidate::costUsd).thenComparing(Candidate::id));
            if (drafter.isPresent()) {
                return RouteDecision.routed(cascade(drafter.get().estimate(), primary.candidate().estimate(),
                        fallbacks, baseline, strategy, rationale));
            }
            rationale += "; no cascade: no eligible model is cheaper";
        }
        return RouteDecision.routed(plan(primary.candidate().estimate(), fallbacks, baseline, strategy, rationale));
    }

    /**
     * A drafter → verifier plan: the cheapest eligible model drafts, and the strategy's choice answers only when the
     * executor's quality gate scores the draft below {@link #DRAFT_ACCEPT}. The estimate is the draft's cost, what
     * the request costs when the draft is taken.
     */
    private static RoutePlan cascade(CallEstimate drafter, CallEstimate verifier, List<String> fallbacks,
                                     CallEstimate baseline, Strategy strategy, String rationale) {
        ModelSpec draft = drafter.model();
        ModelSpec verify = verifier.model();
        return new RoutePlan(draft.id(), List.of(new CascadeStep(draft.id(), draft.provider(), DRAFT_ACCEPT),
                new CascadeStep(verify.id(), verify.provider(), null)), fallbacks, drafter.costUsd(),
                baseline.costUsd(), baseline.model().id(), strategy, rationale + "; cascade: draft on " + draft.id()
                + " at " + CallEstimate.usd(drafter.costUsd()) + " est., kept when the gate scores it >= "
                + DRAFT_ACCEPT + ", else " + verify.id());
    }

    /** The quality the primary should reach, and where it came from, for the rationale. */
    private record Target(double value, String source) {

        static Target of(RoutingHints hints, Complexity complexity, List<Candidate> eligible) {
            if (hints.minQuality() != null) {
                return new Target(hints.minQuality(), "min_quality");
            }
            String tier = "complexity=" + (complexity == null ? Complexity.MEDIUM : complexity).wire();
            if (eligible.stream().anyMatch(Candidate::predicted)) {
                double best = eligible.stream().mapToDouble(Candidate::quality).max().orElse(0);
                double share = tierShare(complexity);
                return new Target(share * best, Candidate.twoPlaces(share) + " x the best "
                        + Candidate.twoPlaces(best) + ", " + tier);
            }
            return new Target(tierTarget(complexity), tier);
        }
    }

    private static String why(WeightedScore.Scored primary, Target target) {
        Candidate c = primary.candidate();
        String cost = "~" + c.latencyMs() + " ms, " + CallEstimate.usd(c.costUsd()) + " est.";
        if (c.quality() >= target.value()) {
            return c.id() + " scored " + Candidate.twoPlaces(primary.score()) + ", " + c.describeQuality() + " >= "
                    + Candidate.twoPlaces(target.value()) + " (" + target.source() + "), " + cost;
        }
        return c.id() + ", the best at " + c.describeQuality() + ": no eligible model reaches "
                + Candidate.twoPlaces(target.value()) + " (" + target.source() + "), " + cost;
    }

    private static RouteDecision pinned(String modelId, ModelCatalog catalog, int in, int out,
                                        CallEstimate baseline, Strategy strategy) {
        Optional<ModelSpec> model = catalog.find(modelId);
        if (model.isEmpty()) {
            return RouteDecision.rejected(ErrorInfo.UNKNOWN_MODEL, "pinned model '" + modelId
                    + "' (hints.model) is not in the catalog; known models: "
                    + String.join(", ", catalog.models().stream().map(ModelSpec::id).toList()));
        }
        CallEstimate estimate = CallEstimate.of(model.get(), in, out);
        return RouteDecision.routed(plan(estimate, List.of(), baseline, strategy,
                "pinned by hints.model: " + describe(estimate)));
    }

    private static RoutePlan plan(CallEstimate primary, List<String> fallbacks, CallEstimate baseline,
                                  Strategy strategy, String rationale) {
        ModelSpec model = primary.model();
        return new RoutePlan(model.id(), List.of(new CascadeStep(model.id(), model.provider(), null)), fallbacks,
                primary.costUsd(), baseline.costUsd(), baseline.model().id(), strategy, rationale);
    }

    private static String describe(CallEstimate estimate) {
        return estimate.model().id() + " at " + CallEstimate.usd(estimate.costUsd()) + " est.";
    }
}
