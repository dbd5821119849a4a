package dev.switchboard.core.policy;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.recorded.BenchmarkModel;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.core.routing.RouteDecision;
import dev.switchboard.core.routing.StrategyPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live path decides as the offline evaluator does: a request classified with the trained router's prediction
 * and policy (as the classifier service does), planned by the router's {@link StrategyPolicy}, the plan's JSON read
 * back (as the executor receives it) and run with {@link LiveCascade} over the recorded answers, calls the same
 * models and answers with the same one as {@link RecordedRouting} — prompt by prompt.
 */
class LivePolicyTest {

    private static final RouterSettings SETTINGS = RouterSettings.defaults(0.95);
    private static final RuleClassifier CLASSIFIER = new RuleClassifier();
    private static final ModelCatalog CATALOG = RecordedCatalog.toCatalog(List.of(
            model("small", "1"), model("medium", "3"), model("large", "20")));

    @Test
    void theRouterAndExecutorDecideEveryPromptAsTheEvaluatorDoes() {
        List<RecordedPrompt> training = new ArrayList<>(SyntheticBenchmark.prompts(90, "sums"));
        training.addAll(SyntheticBenchmark.riddlePrompts(RouterTrainer.SKIP_MIN_PROMPTS + 100, "riddles"));
        List<RecordedPrompt> fresh = new ArrayList<>(SyntheticBenchmark.prompts(60, "sums"));
        fresh.addAll(SyntheticBenchmark.riddlePrompts(60, "riddles"));
        fresh.addAll(SyntheticBenchmark.prompts(30, "never-seen"));
        // every signal and both families; and cascades only, where the riddles' cascade learns to skip
        List<RouterSettings> settings = List.of(SETTINGS, SETTINGS.withFamilies(List.of(CascadeFamily.NAME))
                .withSignals(EnumSet.of(Signal.PRIOR, Signal.AGREEMENT, Signal.FINAL_ANSWER)));

        Map<String, Integer> seen = new TreeMap<>();
        for (RouterSettings setting : settings) {
            TrainedRouter router = new RouterTrainer(setting).train(training, SyntheticBenchmark.MODELS);
            List<RoutedPrompt> offline = RecordedRouting.route(router, fresh, false);
            for (int i = 0; i < fresh.size(); i++) {
                RecordedPrompt prompt = fresh.get(i);
                Routed routed = route(router, prompt);
                Choice live = execute(routed, prompt);
                assertThat(live).as(prompt.line().id() + ": " + routed.plan().rationale())
                        .isEqualTo(offline.get(i).operating());
                String rationale = routed.plan().rationale();
                seen.merge(rationale.contains("(threshold,") ? "threshold" : rationale.contains("straight to")
                        ? "skipped" : "cascade", 1, Integer::sum);
                if (live.calls().size() < routed.plan().steps().size()) {
                    seen.merge("stopped early", 1, Integer::sum);
                }
            }
        }
        // The comparison covers both families, cascades that stop early and skipped drafters.
        assertThat(seen).containsKeys("threshold", "cascade", "skipped", "stopped early");
    }

    @Test
    void theRouterEscalatesToTheStrongestModelOnUnseenTasksAsTheEvaluatorDoes() {
        List<RecordedPrompt> training = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            training.addAll(SyntheticBenchmark.misleadingPrompts(60, "task-" + t, t % 2 == 1));
        }
        TrainedRouter router = new RouterTrainer(SETTINGS.withFamilies(List.of(ThresholdFamily.NAME)))
                .train(training, SyntheticBenchmark.MODELS, List.of(1.0)).get(1);
        List<RecordedPrompt> fresh = new ArrayList<>(SyntheticBenchmark.misleadingPrompts(30, "never-seen", false));
        fresh.addAll(SyntheticBenchmark.misleadingPrompts(30, "task-0", false));

        List<RoutedPrompt> offline = RecordedRouting.route(router, fresh, false);
        int escalated = 0;
        for (int i = 0; i < fresh.size(); i++) {
            Routed routed = route(router, fresh.get(i));
            Choice live = execute(routed, fresh.get(i));
            assertThat(live).as(routed.plan().rationale()).isEqualTo(offline.get(i).operating());
            if (fresh.get(i).task().equals("never-seen")) {
                assertThat(live.calls()).as(routed.plan().rationale()).containsExactly("large");
            }
            if (routed.plan().rationale().contains("none reaches the threshold: the strongest model, large")) {
                escalated++;
            }
        }
        assertThat(router.fallback().otherwise()).isEqualTo("large");
        assertThat(escalated).isPositive();
    }

    @Test
    void aPlanWhoseAcceptanceDoesNotFitItsStepsIsRefused() {
        TrainedRouter router = new RouterTrainer(SETTINGS).train(SyntheticBenchmark.prompts(90, "sums"),
                SyntheticBenchmark.MODELS);
        RecordedPrompt prompt = SyntheticBenchmark.prompts(1, "sums").get(0);
        Routed routed = route(router, prompt);
        assertThat(routed.plan().acceptance()).isNotNull();

        assertThatThrownBy(() -> LiveCascade.of(List.of("small", "large"), routed.plan().acceptance(),
                RecordedAnswers.request(prompt.line()), routed.classification()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one acceptance model per step but the last");
    }

    /** A routed request as the executor reads it off the topic: the classifier's classification and the plan. */
    private record Routed(Classification classification, RoutePlan plan) {
    }

    /** What the classifier and the router services make of the prompt, through their records' JSON. */
    private static Routed route(TrainedRouter router, RecordedPrompt prompt) {
        LlmRequest request = RecordedAnswers.request(prompt.line());
        Classification rules = CLASSIFIER.classify(request);
        Map<String, Double> predicted = router.evidence(null).prior(PromptView.of(request, rules));
        String task = router.tasks().containsKey(request.feature()) ? request.feature() : null;
        Classification classified = Json.read(Json.write(rules.withPrediction(predicted, "test",
                TrainedPolicies.wire(task, router.policy(request.feature()), router.settings().signals()))),
                Classification.class);
        RouteDecision decision = new StrategyPolicy().decide(request, classified, CATALOG);
        assertThat(decision).isInstanceOf(RouteDecision.Routed.class);
        RoutePlan plan = ((RouteDecision.Routed) decision).plan();
        assertThat(plan.rationale()).contains("trained policy for");
        return new Routed(classified, Json.read(Json.write(plan), RoutePlan.class));
    }

    /** What the executor does with the plan: every step in turn, judged by the learned acceptance when it has one. */
    private static Choice execute(Routed routed, RecordedPrompt prompt) {
        RecordedAnswers answers = new RecordedAnswers(prompt.line());
        List<String> chain = routed.plan().steps().stream().map(CascadeStep::model).toList();
        if (routed.plan().acceptance() == null) {
            assertThat(chain).hasSize(1);
            answers.call(chain.get(0));
            return answers.choice(chain.get(0));
        }
        LiveCascade cascade = LiveCascade.of(chain, routed.plan().acceptance(),
                RecordedAnswers.request(prompt.line()), routed.classification());
        List<ModelAnswer> called = new ArrayList<>();
        for (String model : chain) {
            called.add(answers.call(model));
            CascadeFamily.Verdict verdict = cascade.judge(called);
            if (verdict.stop()) {
                return answers.choice(verdict.answeredBy());
            }
        }
        throw new AssertionError("the last step always stops");
    }

    private static BenchmarkModel model(String id, String price) {
        return new BenchmarkModel(id, "synthetic", new BigDecimal(price), new BigDecimal(price), null, null);
    }
}
