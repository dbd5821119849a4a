package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelPricing;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutingHints;
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

class CheapestEligiblePolicyTest {

    /** Four models with round numbers, so each constraint can be made to bind on purpose. */
    private static final ModelCatalog SMALL = ModelCatalog.of(List.of(
            model("cheap", "0.1", "0.4", 8_000, 2_000, Set.of(), 300, 200, 0.50),
            model("mid", "0.5", "2", 128_000, 8_000, Set.of(JSON, TOOLS), 500, 100, 0.80),
            model("seer", "1", "4", 128_000, 8_000, Set.of(JSON, TOOLS, VISION), 800, 80, 0.80),
            model("strong", "5", "20", 200_000, 16_000, Set.of(JSON, TOOLS, VISION), 2_000, 50, 0.95)));

    private final RoutingPolicy policy = new CheapestEligiblePolicy();

    static Stream<Arguments> eligibleChoices() {
        return Stream.of(
                arguments("no needs", Complexity.LOW, List.of(), 100, 100, RoutingHints.DEFAULTS,
                        "cheap", List.of("mid", "seer")),
                arguments("json", Complexity.LOW, List.of("json"), 100, 100, RoutingHints.DEFAULTS,
                        "mid", List.of("seer", "strong")),
                arguments("vision", Complexity.LOW, List.of("vision"), 100, 100, RoutingHints.DEFAULTS,
                        "seer", List.of("strong")),
                arguments("context window", Complexity.LOW, List.of(), 7_000, 2_000, RoutingHints.DEFAULTS,
                        "mid", List.of("seer", "strong")),
                arguments("high complexity", Complexity.HIGH, List.of(), 100, 100, RoutingHints.DEFAULTS,
                        "strong", List.of()),
                arguments("min_quality", Complexity.LOW, List.of(), 100, 100, hints(null, null, null, 0.9),
                        "strong", List.of()),
                arguments("max_cost_usd", Complexity.LOW, List.of("json"), 1_000, 1_000,
                        hints(null, new BigDecimal("0.005"), null, null), "mid", List.of("seer")),
                arguments("max_latency_ms", Complexity.LOW, List.of("json"), 100, 1_000,
                        hints(null, null, 11_000L, null), "mid", List.of()),
                arguments("strategy quality", Complexity.LOW, List.of(), 100, 100, hints(Strategy.QUALITY, null, null, null),
                        "strong", List.of("mid", "seer")),
                arguments("strategy speed", Complexity.LOW, List.of("json"), 100, 100, hints(Strategy.SPEED, null, null, null),
                        "mid", List.of("seer", "strong")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibleChoices")
    void picksTheFirstEligibleModelByStrategyWithTheNextTwoAsFallbacks(
            String name, Complexity complexity, List<String> capabilities, int in, int out, RoutingHints hints,
            String expectedModel, List<String> expectedFallbacks) {
        RouteDecision decision = policy.decide(request(hints), classification(complexity, capabilities, in, out), SMALL);

        RoutePlan plan = routed(decision);
        assertThat(plan.primaryModel()).isEqualTo(expectedModel);
        assertThat(plan.fallbacks()).containsExactlyElementsOf(expectedFallbacks);
        assertThat(plan.steps()).containsExactly(new CascadeStep(expectedModel, "test", null));
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments(List.of("vision"), Complexity.LOW, hints(null, null, null, 0.99),
                        "min_quality=0.99 excludes all 2 candidate models that meet vision",
                        "best: strong at quality 0.95"),
                arguments(List.of(), Complexity.LOW, hints(null, new BigDecimal("0.0003"), null, null),
                        "max_cost_usd=0.0003 excludes all 4 candidate models",
                        "cheapest: cheap at $0.0005 est."),
                arguments(List.of("json"), Complexity.LOW, hints(null, null, 6_000L, null),
                        "max_latency_ms=6000 excludes all 3 candidate models that meet json",
                        "fastest: mid at ~10500 ms est."),
                arguments(List.of("audio"), Complexity.LOW, RoutingHints.DEFAULTS,
                        "audio excludes all 4 candidate models", "not a capability this build knows"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("rejections")
    void rejectsWithNoEligibleModelNamingTheBindingConstraint(List<String> capabilities, Complexity complexity,
                                                             RoutingHints hints, String binding, String nearest) {
        RouteDecision decision = policy.decide(request(hints), classification(complexity, capabilities, 1_000, 1_000), SMALL);

        assertThat(decision).isInstanceOf(RouteDecision.Rejected.class);
        ErrorInfo error = ((RouteDecision.Rejected) decision).error();
        assertThat(error.code()).isEqualTo(ErrorInfo.NO_ELIGIBLE_MODEL);
        assertThat(error.message()).contains(binding).contains(nearest);
    }

    static Stream<Arguments> builtInTiers() {
        return Stream.of(
                // gemini-2.0-flash and gpt-4.1-nano cost the same; the better one wins the tie.
                arguments(Complexity.LOW, 100, 200, "gemini-2.0-flash", List.of("gpt-4.1-nano", "gpt-4o-mini")),
                arguments(Complexity.MEDIUM, 100, 250, "gpt-4.1-mini", List.of("gemini-2.5-flash", "o3-mini")),
                // A long prompt with a short answer: gemini-2.5-flash's cheaper input wins.
                arguments(Complexity.MEDIUM, 20_000, 100, "gemini-2.5-flash", List.of("gpt-4.1-mini", "o3-mini")),
                arguments(Complexity.HIGH, 500, 1_000, "gpt-4.1", List.of("gemini-2.5-pro", "claude-sonnet-4")));
    }

    @ParameterizedTest(name = "{0} {1}+{2} tokens -> {3}")
    @MethodSource("builtInTiers")
    void sendsEasyWorkToFlashModelsAndHardWorkToStrongOnesInTheBuiltInCatalog(
            Complexity complexity, int in, int out, String expectedModel, List<String> expectedFallbacks) {
        RoutePlan plan = routed(policy.decide(request(RoutingHints.DEFAULTS),
                classification(complexity, List.of(), in, out), ModelCatalog.builtIn()));

        assertThat(plan.primaryModel()).isEqualTo(expectedModel);
        assertThat(plan.fallbacks()).containsExactlyElementsOf(expectedFallbacks);
    }

    @Test
    void pricesThePlanAndTheStrongestModelAsBaselineForTheSameTokens() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        RoutePlan plan = routed(policy.decide(request(RoutingHints.DEFAULTS),
                classification(Complexity.MEDIUM, List.of("json"), 100, 250), catalog));

        assertThat(plan.estimatedCostUsd()).isEqualByComparingTo("0.00044");
        assertThat(plan.baselineModel()).isEqualTo("gemini-2.5-pro");
        assertThat(plan.baselineCostUsd()).isEqualByComparingTo(
                CostCalculator.cost(catalog.require("gemini-2.5-pro"), 100, 0, 250));
        assertThat(plan.strategy()).isEqualTo(Strategy.BALANCED);
        assertThat(plan.rationale()).isEqualTo(
                "cheapest model meeting json+complexity=medium (min quality 0.75): gpt-4.1-mini at $0.00044 est.");
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
    void quotesTheCallerLimitsInTheRationale() {
        RoutePlan plan = routed(policy.decide(request(hints(Strategy.SPEED, new BigDecimal("0.01"), 20_000L, null)),
                classification(Complexity.LOW, List.of("tools"), 100, 100), SMALL));

        assertThat(plan.rationale()).isEqualTo("fastest model meeting tools+complexity=low (min quality 0.00)"
                + "+max_cost_usd=0.01+max_latency_ms=20000: mid at $0.00025 est.");
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

    private static ModelSpec model(String id, String input, String output, int context, int maxOutput,
                                   Set<Capability> capabilities, int latencyMs, int tokensPerSecond, double quality) {
        return new ModelSpec(id, "test", "o200k_base",
                new ModelPricing(new BigDecimal(input), new BigDecimal(input), new BigDecimal(output), null),
                context, maxOutput, capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities),
                latencyMs, tokensPerSecond, quality, "test prices");
    }
}
