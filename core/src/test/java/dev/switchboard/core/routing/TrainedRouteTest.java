package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.CascadeMode;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.event.TrainedPolicy;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the router follows a trained policy the classifier attached, and when it routes by strategy instead. */
class TrainedRouteTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final String NANO = "gpt-4.1-nano";
    private static final String MINI = "gpt-4.1-mini";
    private static final String FULL = "gpt-4.1";
    private static final TrainedPolicy THRESHOLD = new TrainedPolicy("faq", "threshold", List.of(NANO, MINI, FULL),
            List.of(), false, 0.7, null, List.of(), null);
    private static final TrainedPolicy CASCADE = new TrainedPolicy("faq", "cascade", List.of(NANO, FULL),
            List.of(List.of(0.5, 2.0)), true, 0.8, 0.3, List.of("agreement"), null);

    @Test
    void theThresholdPolicyTakesTheCheapestModelPredictedToClearItsThreshold() {
        RoutePlan plan = plan(THRESHOLD, Map.of(NANO, 0.55, MINI, 0.74, FULL, 0.9), hints(null, null, null));

        assertThat(plan.primaryModel()).isEqualTo(MINI);
        assertThat(plan.steps()).extracting(CascadeStep::model).containsExactly(MINI);
        assertThat(plan.acceptance()).isNull();
        assertThat(plan.fallbacks()).doesNotContain(MINI).hasSize(StrategyPolicy.FALLBACKS);
        assertThat(plan.rationale()).startsWith("balanced: trained policy for task 'faq' (threshold, threshold 0.700)")
                .contains(MINI + ", predicted 0.74 >= the threshold");
    }

    @Test
    void theFallbacksThresholdPolicyTakesTheStrongestModelWhenNoneClearsItsThreshold() {
        TrainedPolicy escalating = Json.read(Json.write(new TrainedPolicy(null, "threshold",
                List.of(NANO, MINI, FULL), List.of(), false, 0.95, null, List.of(), FULL)), TrainedPolicy.class);
        assertThat(escalating.otherwise()).isEqualTo(FULL);

        RoutePlan none = plan(escalating, Map.of(NANO, 0.9, MINI, 0.8, FULL, 0.7), hints(null, null, null));
        RoutePlan nano = plan(escalating, Map.of(NANO, 0.96, MINI, 0.8, FULL, 0.7), hints(null, null, null));

        assertThat(none.steps()).extracting(CascadeStep::model).containsExactly(FULL);
        assertThat(none.rationale()).contains("tasks it was not trained on")
                .contains(FULL + ", predicted 0.70: none reaches the threshold: the strongest model, " + FULL);
        assertThat(nano.steps()).extracting(CascadeStep::model).containsExactly(NANO);
        assertThat(plan(THRESHOLD, Map.of(NANO, 0.55, MINI, 0.6, FULL, 0.65), hints(null, null, null)).rationale())
                .contains(FULL + ", predicted 0.65, the best predicted: none reaches the threshold");
    }

    @Test
    void aCascadePlansItsChainWithTheLearnedAcceptance() {
        RoutePlan plan = plan(CASCADE, Map.of(NANO, 0.6, FULL, 0.8), hints(Strategy.COST, null, null));

        assertThat(plan.steps()).extracting(CascadeStep::model).containsExactly(NANO, FULL);
        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.acceptThreshold()).isNull());
        assertThat(plan.acceptance().weights()).containsExactly(List.of(0.5, 2.0));
        assertThat(plan.acceptance().threshold()).isEqualTo(0.8);
        assertThat(plan.acceptance().lastWord()).isTrue();
        assertThat(plan.estimatedCostUsd()).isLessThan(plan.baselineCostUsd());
    }

    @Test
    void aCascadeSkipsItsDrafterWhenTheLastModelIsPredictedFarBetter() {
        RoutePlan plan = plan(CASCADE, Map.of(NANO, 0.3, FULL, 0.9), hints(null, null, null));

        assertThat(plan.steps()).extracting(CascadeStep::model).containsExactly(FULL);
        assertThat(plan.acceptance()).isNull();
        assertThat(plan.rationale()).contains("straight to " + FULL).contains("skip gap 0.300");
    }

    @Test
    void theQualityAndSpeedStrategiesAndCallersWeightsRouteAsUsual() {
        for (Strategy strategy : List.of(Strategy.QUALITY, Strategy.SPEED)) {
            RoutePlan plan = plan(THRESHOLD, Map.of(NANO, 0.55, MINI, 0.74, FULL, 0.9), hints(strategy, null, null));
            assertThat(plan.rationale()).contains("trained policy not followed: the " + strategy.wire()
                    + " strategy does not follow it");
        }
    }

    @Test
    void aCascadeIsNotFollowedWhenTheRequestSaysCascadeOff() {
        RoutePlan plan = plan(CASCADE, Map.of(NANO, 0.6, FULL, 0.8), hints(null, CascadeMode.OFF, null));

        assertThat(plan.acceptance()).isNull();
        assertThat(plan.rationale()).contains("trained policy not followed: it is a cascade and the request says "
                + "cascade=off");
    }

    @Test
    void aPlannedModelTheRequestsConstraintsExcludeFallsBackToTheStrategy() {
        // gpt-4.1 is the policy's pick, but the request caps the cost below what it charges for 1000 + 500 tokens
        RoutePlan plan = plan(THRESHOLD, Map.of(NANO, 0.55, MINI, 0.6, FULL, 0.9),
                hints(null, null, new BigDecimal("0.002")));

        assertThat(plan.primaryModel()).isNotEqualTo(FULL);
        assertThat(plan.rationale()).contains("trained policy not followed: " + FULL + " may not serve this request");
    }

    @Test
    void aPolicyOverModelsWithoutPredictionsIsNotFollowed() {
        RoutePlan plan = plan(THRESHOLD, Map.of(NANO, 0.55), hints(null, null, null));

        assertThat(plan.rationale()).contains("trained policy not followed: no prediction for " + MINI + ", " + FULL);
    }

    private static RoutePlan plan(TrainedPolicy policy, Map<String, Double> predicted, RoutingHints hints) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, "req-1", 1, "acme", null, null, "faq", null,
                new ChatRequest(List.of(ChatMessage.of("user", "How do I reset my password?")), null, null, null,
                        null), hints, null);
        Classification classification = new Classification(TaskType.CHAT, "general", null, 1000, 500, Map.of(),
                List.of(), "rules").withPrediction(predicted, "test", policy);
        RouteDecision decision = new StrategyPolicy().decide(request, classification, CATALOG);
        assertThat(decision).isInstanceOf(RouteDecision.Routed.class);
        return ((RouteDecision.Routed) decision).plan();
    }

    private static RoutingHints hints(Strategy strategy, CascadeMode cascade, BigDecimal maxCost) {
        return new RoutingHints(strategy, null, maxCost, null, null, cascade, null, null);
    }
}
