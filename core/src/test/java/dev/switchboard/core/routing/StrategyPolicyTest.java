package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelPricing;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.RoutingWeights;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.event.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.switchboard.core.catalog.Capability.JSON;
import static dev.switchboard.core.catalog.Capability.TOOLS;
import static dev.switchboard.core.catalog.Capability.VISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StrategyPolicyTest {

    /** Four models with round numbers, so each constraint can be made to bind on purpose. */
    private static final ModelCatalog SMALL = ModelCatalog.of(List.of(
            model("cheap", "0.1", "0.4", 8_000, 2_000, Set.of(), 300, 200, 0.50),
            model("mid", "0.5", "2", 128_000, 8_000, Set.of(JSON, TOOLS), 500, 100, 0.80),
            model("seer", "1", "4", 128_000, 8_000, Set.of(JSON, TOOLS, VISION), 800, 80, 0.80),
            model("strong", "5", "20", 200_000, 16_000, Set.of(JSON, TOOLS, VISION), 2_000, 50, 0.95)));

    /**
     * Four models each best at one thing, for 1,000 tokens in and 500 out (generation takes 500 ms everywhere):
     * budget $0.0003, 3.5 s, 0.60; sprinter $0.003, 0.7 s, 0.70; allround $0.0012, 1.1 s, 0.85; flagship $0.015,
     * 2.5 s, 0.95. Scaled to 0..1 (cost and latency on a log scale): budget (1, 0, 0), sprinter (0.41, 1, 0.29),
     * allround (0.65, 0.72, 0.71), flagship (0, 0.21, 1); balanced scores them 0.50, 0.49, 0.68 and 0.34.
     */
    private static final ModelCatalog FOUR = ModelCatalog.of(List.of(
            model("budget", "0.1", "0.4", 128_000, 8_000, Set.of(), 3_000, 1_000, 0.60),
            model("sprinter", "1", "4", 128_000, 8_000, Set.of(), 200, 1_000, 0.70),
            model("allround", "0.4", "1.6", 128_000, 8_000, Set.of(), 600, 1_000, 0.85),
            model("flagship", "5", "20", 128_000, 8_000, Set.of(), 2_000, 1_000, 0.95)));

    private final RoutingPolicy policy = new StrategyPolicy();

    static Stream<Arguments> eligibleChoices() {
        return Stream.of(
                arguments("no needs", Complexity.LOW, List.of(), 100, 100, hints(Strategy.COST, null, null, null),
                        "cheap", List.of("mid", "seer")),
                arguments("json", Complexity.LOW, List.of("json"), 100, 100, hints(Strategy.COST, null, null, null),
                        "mid", List.of("seer", "strong")),
                arguments("vision", Complexity.LOW, List.of("vision"), 100, 100, hints(Strategy.COST, null, null, null),
                        "seer", List.of("strong")),
                arguments("context window", Complexity.LOW, List.of(), 7_000, 2_000,
                        hints(Strategy.COST, null, null, null), "mid", List.of("seer", "strong")),
                // Only strong reaches the high tier's 0.85, and fallbacks never drop below a target the primary met.
                arguments("high complexity", Complexity.HIGH, List.of(), 100, 100,
                        hints(Strategy.COST, null, null, null), "strong", List.of()),
                arguments("min_quality", Complexity.LOW, List.of(), 100, 100, hints(Strategy.COST, null, null, 0.9),
                        "strong", List.of()),
                // The caller's min_quality replaces the tier's target: 0.5 lets high work go to cheap.
                arguments("min_quality below the tier", Complexity.HIGH, List.of(), 100, 100,
                        hints(Strategy.COST, null, null, 0.5), "cheap", List.of("mid", "seer")),
                arguments("max_cost_usd", Complexity.LOW, List.of("json"), 1_000, 1_000,
                        hints(Strategy.COST, new BigDecimal("0.005"), null, null), "mid", List.of("seer")),
                arguments("max_latency_ms", Complexity.LOW, List.of("json"), 100, 1_000,
                        hints(Strategy.COST, null, 11_000L, null), "mid", List.of()),
                // mid and seer tie on quality: the cheaper first.
                arguments("strategy quality", Complexity.LOW, List.of(), 100, 100,
                        hints(Strategy.QUALITY, null, null, null), "strong", List.of("mid", "seer")),
                arguments("strategy speed", Complexity.LOW, List.of("json"), 100, 100,
                        hints(Strategy.SPEED, null, null, null), "mid", List.of("seer", "strong")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibleChoices")
    void picksByStrategyAmongModelsMeetingEveryConstraintWithTheNextTwoAsFallbacks(
            String name, Complexity complexity, List<String> capabilities, int in, int out, RoutingHints hints,
            String expectedModel, List<String> expectedFallbacks) {
        RouteDecision decision = policy.decide(request(hints), classification(complexity, capabilities, in, out), SMALL);

        RoutePlan plan = routed(decision);
        assertThat(plan.primaryModel()).isEqualTo(expectedModel);
        assertThat(plan.fallbacks()).containsExactlyElementsOf(expectedFallbacks);
        assertThat(plan.steps()).containsExactly(new CascadeStep(expectedModel, "test", null));
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                arguments(Strategy.COST, null, "budget", List.of("allround", "sprinter")),
                arguments(Strategy.SPEED, null, "sprinter", List.of("allround", "flagship")),
                arguments(Strategy.QUALITY, null, "flagship", List.of("allround", "sprinter")),
                arguments(Strategy.BALANCED, null, "allround", List.of("budget", "sprinter")),
                // The caller's weights replace the strategy's: cost with latency only is speed.
                arguments(Strategy.COST, new RoutingWeights(null, 1.0, null), "sprinter",
                        List.of("allround", "flagship")),
                // (0.25, 0, 0.75): flagship 0.75, allround 0.16 + 0.54 = 0.70.
                arguments(Strategy.BALANCED, new RoutingWeights(1.0, 0.0, 3.0), "flagship",
                        List.of("allround", "sprinter")),
                // Only ratios matter.
                arguments(null, new RoutingWeights(50.0, 20.0, 30.0), "allround", List.of("budget", "sprinter")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategies")
    void eachStrategyPicksTheModelItsWeightsScoreHighest(Strategy strategy, RoutingWeights weights,
                                                         String expectedModel, List<String> expectedFallbacks) {
        RoutingHints hints = new RoutingHints(strategy, null, null, null, null, null, null, null, weights);

        RoutePlan plan = routed(policy.decide(request(hints), classification(Complexity.LOW, List.of(), 1_000, 500),
                FOUR));

        assertThat(plan.primaryModel()).isEqualTo(expectedModel);
        assertThat(plan.fallbacks()).containsExactlyElementsOf(expectedFallbacks);
        assertThat(plan.strategy()).isEqualTo(strategy == null ? Strategy.BALANCED : strategy);
    }

    @Test
    void judgesTheQualityTargetOnThePredictedQualityWhenTheClassifierGivesOne() {
        RoutingHints cost = hints(Strategy.COST, null, null, null);
        Classification catalogOnly = classification(Complexity.MEDIUM, List.of(), 1_000, 500);
        // The predictor expects budget to do well on this prompt although its catalog standing is 0.60.
        Classification predicted = withPrediction(catalogOnly,
                Map.of("budget", 0.90, "sprinter", 0.50, "allround", 0.60, "flagship", 0.95));

        RoutePlan byCatalog = routed(policy.decide(request(cost), catalogOnly, FOUR));
        RoutePlan byPrediction = routed(policy.decide(request(cost), predicted, FOUR));

        assertThat(byCatalog.primaryModel()).isEqualTo("allround");
        assertThat(byPrediction.primaryModel()).isEqualTo("budget");
        // Fallbacks stay above the target too: only flagship's 0.95 also reaches 0.90 x 0.95.
        assertThat(byPrediction.fallbacks()).containsExactly("flagship");
        assertThat(byPrediction.rationale()).isEqualTo("cost (cost 1.00, latency 0.00, quality 0.00): budget scored "
                + "1.00, predicted quality 0.90 >= 0.86 (0.90 x the best 0.95, complexity=medium), ~3500 ms, "
                + "$0.0003 est.");
    }

    @Test
    void fallsBackToTheCatalogQualityForAModelThePredictionDoesNotCoverOrGetsWrong() {
        // sprinter is not predicted, budget's 1.7 is no chance: both keep their catalog standing (0.70, 0.60).
        Classification c = withPrediction(classification(Complexity.MEDIUM, List.of(), 1_000, 500),
                Map.of("budget", 1.7, "allround", 0.20, "flagship", 0.30));

        RoutePlan plan = routed(policy.decide(request(hints(Strategy.COST, null, null, null)), c, FOUR));

        // The target is 0.90 x sprinter's 0.70 = 0.63: budget (0.60), allround (0.20) and flagship (0.30) miss it.
        assertThat(plan.primaryModel()).isEqualTo("sprinter");
        assertThat(plan.fallbacks()).isEmpty();
        assertThat(plan.rationale()).isEqualTo("cost (cost 1.00, latency 0.00, quality 0.00): sprinter scored 0.41, "
                + "catalog quality 0.70 >= 0.63 (0.90 x the best 0.70, complexity=medium), ~700 ms, $0.003 est.");
    }

    static Stream<Arguments> tierShares() {
        // best 0.84: low aims for 0.80 x 0.84 = 0.672, medium 0.756, high 0.798
        return Stream.of(arguments(Complexity.LOW, "budget"), arguments(Complexity.MEDIUM, "allround"),
                arguments(Complexity.HIGH, "flagship"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tierShares")
    void withPredictionsAimsForTheTiersShareOfTheBestPredictedChance(Complexity complexity, String expected) {
        Classification c = withPrediction(classification(complexity, List.of(), 1_000, 500),
                Map.of("budget", 0.70, "sprinter", 0.60, "allround", 0.79, "flagship", 0.84));

        RoutePlan plan = routed(policy.decide(request(hints(Strategy.COST, null, null, null)), c, FOUR));

        assertThat(plan.primaryModel()).isEqualTo(expected);
        assertThat(plan.rationale()).contains(Candidate.twoPlaces(StrategyPolicy.tierShare(complexity))
                + " x the best 0.84, complexity=" + complexity.wire());
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments(List.of("vision"), 1_000, Map.of(), hints(null, null, null, 0.99),
                        "min_quality=0.99 excludes all 2 candidate models that meet vision",
                        "best: strong at catalog quality 0.95"),
                // min_quality is judged on the prediction: strong's catalog 0.95 does not count.
                arguments(List.of(), 1_000, Map.of("cheap", 0.4, "mid", 0.7, "seer", 0.85, "strong", 0.9),
                        hints(null, null, null, 0.92),
                        "min_quality=0.92 excludes all 4 candidate models", "best: strong at predicted quality 0.90"),
                arguments(List.of(), 1_000, Map.of(), hints(null, new BigDecimal("0.0003"), null, null),
                        "max_cost_usd=0.0003 excludes all 4 candidate models",
                        "cheapest: cheap at $0.0005 est."),
                arguments(List.of("json"), 1_000, Map.of(), hints(null, null, 6_000L, null),
                        "max_latency_ms=6000 excludes all 3 candidate models that meet json",
                        "fastest: mid at ~10500 ms est."),
                arguments(List.of(), 199_500, Map.of(), RoutingHints.DEFAULTS,
                        "context window >= 200500 tokens excludes all 4 candidate models",
                        "largest: strong with 200000 tokens"),
                arguments(List.of("audio"), 1_000, Map.of(), RoutingHints.DEFAULTS,
                        "audio excludes all 4 candidate models", "not a capability this build knows"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("rejections")
    void rejectsWithNoEligibleModelNamingTheBindingConstraint(List<String> capabilities, int in,
                                                             Map<String, Double> predicted, RoutingHints hints,
                                                             String binding, String nearest) {
        Classification c = withPrediction(classification(Complexity.LOW, capabilities, in, 1_000), predicted);

        RouteDecision decision = policy.decide(request(hints), c, SMALL);

        assertThat(decision).isInstanceOf(RouteDecision.Rejected.class);
        ErrorInfo error = ((RouteDecision.Rejected) decision).error();
        assertThat(error.code()).isEqualTo(ErrorInfo.NO_ELIGIBLE_MODEL);
        assertThat(error.message()).contains(binding).contains(nearest);
    }

    static Stream<Arguments> badWeights() {
        return Stream.of(
                arguments(new RoutingWeights(-1.0, 1.0, 1.0), "field 'hints.weights.cost' must be a non-negative number"),
                arguments(new RoutingWeights(1.0, Double.NaN, 1.0),
                        "field 'hints.weights.latency' must be a non-negative number"),
                arguments(new RoutingWeights(0.0, null, 0.0), "field 'hints.weights' needs at least one positive weight"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badWeights")
    void rejectsWeightsThatSlippedPastIntakeAsAnInvalidRequestNamingTheField(RoutingWeights weights, String message) {
        RoutingHints hints = new RoutingHints(null, null, null, null, null, null, null, null, weights);

        RouteDecision decision = policy.decide(request(hints), classification(Complexity.LOW, List.of(), 100, 100),
                SMALL);

        assertThat(decision).isInstanceOf(RouteDecision.Rejected.class);
        ErrorInfo error = ((RouteDecision.Rejected) decision).error();
        assertThat(error.code()).isEqualTo(ErrorInfo.INVALID_REQUEST);
        assertThat(error.message()).startsWith(message);
    }

    static Stream<Arguments> builtInTiers() {
        return Stream.of(
                // gemini-2.0-flash and gpt-4.1-nano cost the same; the better one wins the tie.
                arguments(Strategy.COST, Complexity.LOW, 100, 200, "gemini-2.0-flash",
                        List.of("gpt-4.1-nano", "gpt-4o-mini")),
                arguments(Strategy.COST, Complexity.MEDIUM, 100, 250, "gpt-4.1-mini",
                        List.of("gemini-2.5-flash", "o3-mini")),
                // A long prompt with a short answer: gemini-2.5-flash's cheaper input wins.
                arguments(Strategy.COST, Complexity.MEDIUM, 20_000, 100, "gemini-2.5-flash",
                        List.of("gpt-4.1-mini", "o3-mini")),
                arguments(Strategy.COST, Complexity.HIGH, 500, 1_000, "gpt-4.1",
                        List.of("gemini-2.5-pro", "claude-sonnet-4")),
                arguments(Strategy.BALANCED, Complexity.LOW, 100, 250, "gemini-2.0-flash",
                        List.of("gpt-4.1-nano", "gemini-2.5-flash")),
                // 0.84 for 1.5x gpt-4.1-mini's price (0.78).
                arguments(Strategy.BALANCED, Complexity.MEDIUM, 100, 250, "gemini-2.5-flash",
                        List.of("gpt-4.1-mini", "gpt-4.1")),
                arguments(Strategy.BALANCED, Complexity.HIGH, 500, 1_000, "gpt-4.1",
                        List.of("gemini-2.5-pro", "claude-sonnet-4")),
                // A long answer: gemini-2.5-pro (0.95) costs only 1.2x gpt-4.1 (0.85).
                arguments(Strategy.BALANCED, Complexity.HIGH, 500, 2_000, "gemini-2.5-pro",
                        List.of("gpt-4.1", "claude-sonnet-4")));
    }

    @ParameterizedTest(name = "{0} {1} {2}+{3} tokens -> {4}")
    @MethodSource("builtInTiers")
    void sendsEasyWorkToFlashModelsAndHardWorkToStrongOnesInTheBuiltInCatalog(
            Strategy strategy, Complexity complexity, int in, int out, String expectedModel,
            List<String> expectedFallbacks) {
        RoutePlan plan = routed(policy.decide(request(hints(strategy, null, null, null)),
                classification(complexity, List.of(), in, out), ModelCatalog.builtIn()));

        assertThat(plan.primaryModel()).isEqualTo(expectedModel);
        assertThat(plan.fallbacks()).containsExactlyElementsOf(expectedFallbacks);
    }

    @Test
    void pricesThePlanAndTheStrongestModelAsBaselineForTheSameTokens() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        RoutePlan plan = routed(policy.decide(request(RoutingHints.DEFAULTS),
                classification(Complexity.MEDIUM, List.of("json"), 100, 250), catalog));

        assertThat(plan.primaryModel()).isEqualTo("gemini-2.5-flash");
        assertThat(plan.estimatedCostUsd()).isEqualByComparingTo("0.000655");
        assertThat(plan.baselineModel()).isEqualTo("gemini-2.5-pro");
        assertThat(plan.baselineCostUsd()).isEqualByComparingTo(
                CostCalculator.cost(catalog.require("gemini-2.5-pro"), 100, 0, 250));
        assertThat(plan.strategy()).isEqualTo(Strategy.BALANCED);
        assertThat(plan.rationale()).isEqualTo("balanced (cost 0.50, latency 0.20, quality 0.30) meeting json: "
                + "gemini-2.5-flash scored 0.66, catalog quality 0.84 >= 0.75 (complexity=medium), ~4000 ms, "
                + "$0.000655 est.");
    }

    @Test
    void honoursAPinnedModelFromTheCatalog() {
        RoutePlan plan = routed(policy.decide(request(pinned("claude-sonnet-4")),
                classification(Complexity.LOW, List.of(), 100, 100), ModelCatalog.builtIn()));

        assertThat(plan.primaryModel()).isEqualTo("claude-sonnet-4");
        assertThat(plan.steps()).containsExactly(new CascadeStep("claude-sonnet-4", "anthropic", null));
        assertThat(plan.fallbacks()).isEmpty();
        assertThat(plan.rationale()).startsWith("pinned by hints.model: claude-sonnet-4 at $");
    }

    @Test
    void rejectsAPinnedModelTheCatalogDoesNotHold() {
        RouteDecision decision = policy.decide(request(pinned("gpt-9")),
                classification(Complexity.LOW, List.of(), 100, 100), ModelCatalog.builtIn());

        assertThat(decision).isInstanceOf(RouteDecision.Rejected.class);
        ErrorInfo error = ((RouteDecision.Rejected) decision).error();
        assertThat(error.code()).isEqualTo(ErrorInfo.UNKNOWN_MODEL);
        assertThat(error.message()).contains("'gpt-9'").contains("not in the catalog");
    }

    @Test
    void quotesTheCallerLimitsAndWeightsInTheRationale() {
        RoutingHints hints = new RoutingHints(Strategy.SPEED, null, new BigDecimal("0.01"), 20_000L, null, null, null,
                null, new RoutingWeights(1.0, 3.0, null));

        RoutePlan plan = routed(policy.decide(request(hints),
                classification(Complexity.LOW, List.of("tools"), 100, 100), SMALL));

        assertThat(plan.rationale()).isEqualTo("speed, weights from hints (cost 0.25, latency 0.75, quality 0.00) "
                + "meeting tools+max_cost_usd=0.01+max_latency_ms=20000: mid scored 1.00, catalog quality 0.80 >= 0.00 "
                + "(complexity=low), ~1500 ms, $0.00025 est.");
    }

    @Test
    void cascadeOnDraftsOnTheCheapestEligibleModelAndVerifiesOnTheStrategysChoice() {
        RoutingHints hints = new RoutingHints(Strategy.COST, null, null, null, null, CascadeMode.ON, null, null);

        RoutePlan plan = routed(policy.decide(request(hints),
                classification(Complexity.HIGH, List.of(), 100, 100), SMALL));

        assertThat(plan.steps()).containsExactly(new CascadeStep("cheap", "test", StrategyPolicy.DRAFT_ACCEPT),
                new CascadeStep("strong", "test", null));
        assertThat(plan.primaryModel()).isEqualTo("cheap");
        assertThat(plan.estimatedCostUsd()).isLessThan(plan.baselineCostUsd());
        assertThat(plan.rationale()).endsWith("cascade: draft on cheap at $0.00005 est., kept when the gate "
                + "scores it >= 0.65, else strong").doesNotContain("\n");
    }

    @Test
    void cascadeOnWithNothingCheaperThanTheChoiceIsOneStep() {
        RoutingHints hints = new RoutingHints(Strategy.COST, null, null, null, null, CascadeMode.ON, null, null);

        RoutePlan plan = routed(policy.decide(request(hints),
                classification(Complexity.LOW, List.of(), 100, 100), SMALL));

        assertThat(plan.steps()).containsExactly(new CascadeStep("cheap", "test", null));
        assertThat(plan.rationale()).endsWith("no cascade: no eligible model is cheaper");
    }

    private static RoutePlan routed(RouteDecision decision) {
        assertThat(decision).isInstanceOf(RouteDecision.Routed.class);
        return ((RouteDecision.Routed) decision).plan();
    }

    private static RoutingHints hints(Strategy strategy, BigDecimal maxCost, Long maxLatency, Double minQuality) {
        return new RoutingHints(strategy, null, maxCost, maxLatency, minQuality, null, null, null);
    }

    private static RoutingHints pinned(String model) {
        return new RoutingHints(null, model, null, null, null, null, null, null);
    }

    private static LlmRequest request(RoutingHints hints) {
        return new LlmRequest(LlmRequest.SCHEMA_VERSION, "req-1", 1, "acme", null, null, null, null,
                new ChatRequest(List.of(ChatMessage.of("user", "hello")), null, null, null, null), hints, null);
    }

    private static Classification classification(Complexity complexity, List<String> capabilities, int in, int out) {
        return new Classification(TaskType.CHAT, "general", complexity, in, out, Map.of(), capabilities, "rules-1");
    }

    private static Classification withPrediction(Classification c, Map<String, Double> predicted) {
        return new Classification(c.taskType(), c.domain(), c.complexity(), c.inputTokens(),
                c.estimatedOutputTokens(), predicted, c.requiredCapabilities(), c.classifierVersion());
    }

    private static ModelSpec model(String id, String input, String output, int context, int maxOutput,
                                   Set<Capability> capabilities, int latencyMs, int tokensPerSecond, double quality) {
        return new ModelSpec(id, "test", "o200k_base",
                new ModelPricing(new BigDecimal(input), new BigDecimal(input), new BigDecimal(output), null),
                context, maxOutput, capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities),
                latencyMs, tokensPerSecond, quality, "test prices");
    }
}
