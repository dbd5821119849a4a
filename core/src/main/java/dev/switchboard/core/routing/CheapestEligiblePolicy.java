package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
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
 * Routes to the cheapest model that meets every hard constraint (capabilities, context window, the quality
 * floor of the request's complexity tier, the caller's limits), with the next two as fallbacks; honours a
 * pinned model. Strategy {@code quality} takes the best eligible model and {@code speed} the fastest;
 * {@code cost} and {@code balanced} take the cheapest (balanced trades off later).
 */
public final class CheapestEligiblePolicy implements RoutingPolicy {

    /**
     * Quality floor per complexity tier, on the catalog's 0..1 scale. In the built-in catalog low work goes to
     * the cheapest models (gemini-2.0-flash, gpt-4.1-nano); medium needs 0.75, which nano, gpt-4o-mini,
     * claude-3-5-haiku, llama-3.3-70b and gemini-2.0-flash (0.72) miss, so it goes to gpt-4.1-mini or
     * gemini-2.5-flash; high needs 0.85: gpt-4.1, gemini-2.5-pro, claude-sonnet-4 or claude-opus-4.
     */
    public static final double MIN_QUALITY_LOW = 0.0;
    public static final double MIN_QUALITY_MEDIUM = 0.75;
    public static final double MIN_QUALITY_HIGH = 0.85;

    /** How many eligible models after the primary the executor may fall back to. */
    public static final int FALLBACKS = 2;

    private static final Comparator<CallEstimate> BY_COST = Comparator.comparing(CallEstimate::costUsd)
            // Same price: the better model, then the faster one, then a stable order.
            .thenComparing(Comparator.comparingDouble((CallEstimate e) -> e.model().quality()).reversed())
            .thenComparingLong(CallEstimate::latencyMs)
            .thenComparing(e -> e.model().id());
    private static final Comparator<CallEstimate> BY_QUALITY = Comparator
            .comparingDouble((CallEstimate e) -> e.model().quality()).reversed()
            .thenComparing(BY_COST);
    private static final Comparator<CallEstimate> BY_SPEED = Comparator.comparingLong(CallEstimate::latencyMs)
            .thenComparing(BY_COST);

    /** The quality floor for a complexity tier; a missing tier counts as medium. */
    public static double minQuality(Complexity complexity) {
        if (complexity == null) {
            return MIN_QUALITY_MEDIUM;
        }
        return switch (complexity) {
            case LOW -> MIN_QUALITY_LOW;
            case MEDIUM -> MIN_QUALITY_MEDIUM;
            case HIGH -> MIN_QUALITY_HIGH;
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
        Eligibility eligibility = Eligibility.of(classification, hints, minQuality(classification.complexity()));
        Eligibility.Outcome outcome = eligibility.apply(
                catalog.models().stream().map(model -> CallEstimate.of(model, in, out)).toList());
        if (outcome.eligible().isEmpty()) {
            return RouteDecision.rejected(ErrorInfo.NO_ELIGIBLE_MODEL, outcome.rejection());
        }
        List<CallEstimate> ranked = outcome.eligible().stream().sorted(order(strategy)).toList();
        CallEstimate primary = ranked.get(0);
        List<String> fallbacks = ranked.stream().skip(1).limit(FALLBACKS).map(e -> e.model().id()).toList();
        String rationale = choice(strategy) + " meeting " + eligibility.shownLabels() + ": "
                + describe(primary);
        return RouteDecision.routed(plan(primary, fallbacks, baseline, strategy, rationale));
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

    private static Comparator<CallEstimate> order(Strategy strategy) {
        return switch (strategy) {
            case QUALITY -> BY_QUALITY;
            case SPEED -> BY_SPEED;
            case COST, BALANCED -> BY_COST;
        };
    }

    private static String choice(Strategy strategy) {
        return switch (strategy) {
            case QUALITY -> "highest-quality model";
            case SPEED -> "fastest model";
            case COST, BALANCED -> "cheapest model";
        };
    }

    private static String describe(CallEstimate estimate) {
        return estimate.model().id() + " at " + CallEstimate.usd(estimate.costUsd()) + " est.";
    }
}
