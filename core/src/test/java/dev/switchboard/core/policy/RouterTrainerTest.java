package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RouterTrainerTest {

    /** Agreement and format only: on the synthetic benchmark they are the whole story, so the choice is certain. */
    private static final RouterSettings SETTINGS = RouterSettings.defaults(0.95)
            .withSignals(EnumSet.of(Signal.AGREEMENT, Signal.FINAL_ANSWER));

    @Test
    void choosesTheAgreementCascadeWhereTwoCheapAnswersSettleIt() {
        List<RecordedPrompt> prompts = SyntheticBenchmark.prompts(90, "sums");

        TrainedRouter router = new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS);

        TaskPolicy policy = router.policy("sums");
        assertThat(policy.family()).isEqualTo(CascadeFamily.NAME);
        assertThat(policy.models()).containsExactly("small", "medium", "large");
        assertThat(policy.trainingQuality()).isGreaterThanOrEqualTo(policy.trainingLevel());
        assertThat(router.policy("never-seen")).isEqualTo(router.fallback());
    }

    @Test
    void trainsTheSameRouterFromTheSameData() {
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(60, "sums"));
        prompts.addAll(SyntheticBenchmark.prompts(30, "other"));

        String first = Json.write(new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS));
        String second = Json.write(new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS));

        assertThat(first).isEqualTo(second);
        assertThat(Json.read(first, TrainedRouter.class).tasks().keySet()).containsExactly("other", "sums");
    }

    @Test
    void crossValidationDecidesEveryPromptWithARouterThatNeverSawIt() {
        List<RecordedPrompt> prompts = SyntheticBenchmark.prompts(90, "sums");

        List<RoutedPrompt> routed = RecordedRouting.crossValidate(prompts, SyntheticBenchmark.MODELS, SETTINGS, 3);

        assertThat(routed).extracting(RoutedPrompt::prompt).containsExactlyElementsOf(prompts);
        RunTotals run = RunTotals.of(prompts.stream().map(RecordedPrompt::line).toList(),
                line -> routed.get(prompts.stream().map(RecordedPrompt::line).toList().indexOf(line)).operating());
        RunTotals large = RunTotals.of(prompts.stream().map(RecordedPrompt::line).toList(),
                line -> Choice.single("large"));
        assertThat(run.quality()).isGreaterThanOrEqualTo(0.95);
        assertThat(run.costUsd()).isLessThan(large.costUsd());
    }

    @Test
    void oneTrainingCalibratesToEveryTargetShareAsTrainingForEachWould() {
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(60, "sums"));
        prompts.addAll(SyntheticBenchmark.prompts(30, "other"));
        List<Double> shares = List.of(0.95, 0.6, 1.0);

        // the settings' own target first, then the ladder
        List<TrainedRouter> routers = new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS,
                shares.subList(1, 3));

        assertThat(routers).extracting(r -> r.settings().targetShare()).containsExactlyElementsOf(shares);
        for (int i = 0; i < shares.size(); i++) {
            TrainedRouter alone = new RouterTrainer(SETTINGS.withTargetShare(shares.get(i)))
                    .train(prompts, SyntheticBenchmark.MODELS);
            assertThat(Json.write(routers.get(i))).isEqualTo(Json.write(alone));
        }
        TaskPolicy low = routers.get(1).policy("sums");
        TaskPolicy high = routers.get(2).policy("sums");
        assertThat(low.trainingLevel() / 0.6).isCloseTo(high.trainingLevel(), within(1e-9));
        assertThat(low.trainingCostUsd()).isLessThan(high.trainingCostUsd());
    }

    @Test
    void crossValidationWithALadderKeepsTheOperatingDecisions() {
        List<RecordedPrompt> prompts = SyntheticBenchmark.prompts(90, "sums");

        List<RoutedPrompt> plain = RecordedRouting.crossValidate(prompts, SyntheticBenchmark.MODELS, SETTINGS, 3);
        List<RoutedPrompt> laddered = RecordedRouting.crossValidate(prompts, SyntheticBenchmark.MODELS, SETTINGS,
                null, 3, List.of(0.6, 1.0));

        assertThat(laddered).extracting(RoutedPrompt::operating)
                .containsExactlyElementsOf(plain.stream().map(RoutedPrompt::operating).toList());
        assertThat(laddered).allSatisfy(r -> assertThat(r.ladder()).hasSize(2));
        List<dev.switchboard.core.recorded.BenchmarkLine> lines = prompts.stream().map(RecordedPrompt::line).toList();
        RunTotals low = RunTotals.of(lines, line -> laddered.get(lines.indexOf(line)).ladder().get(0));
        RunTotals high = RunTotals.of(lines, line -> laddered.get(lines.indexOf(line)).ladder().get(1));
        assertThat(low.costUsd()).isLessThan(high.costUsd());
        assertThat(high.quality()).isGreaterThanOrEqualTo(low.quality());
    }

    @Test
    void calibratesToABudgetOfStrongModelCallsOnPromptsItNeverSaw() {
        // two cheap answers disagree on half the prompts: every right answer there costs a call to large
        List<RecordedPrompt> prompts = SyntheticBenchmark.prompts(120, "sums");
        List<dev.switchboard.core.recorded.BenchmarkLine> lines = prompts.stream().map(RecordedPrompt::line).toList();

        RunTotals none = crossValidated(prompts, lines, SETTINGS.withStrongCallShare(0.0));
        RunTotals half = crossValidated(prompts, lines, SETTINGS.withStrongCallShare(0.5));
        RunTotals tenth = crossValidated(prompts, lines, SETTINGS.withStrongCallShare(0.1));

        assertThat(none.callShare("large")).isZero();
        assertThat(half.callShare("large")).isBetween(0.4, 0.5);
        assertThat(half.quality()).isEqualTo(1.0);
        assertThat(tenth.callShare("large")).isLessThanOrEqualTo(0.1);
        assertThat(tenth.quality()).isLessThan(1.0).isGreaterThanOrEqualTo(none.quality());
        // a budget, not a quality level: the same data at 95% of the best quality calls large as often as it needs
        assertThat(crossValidated(prompts, lines, SETTINGS).callShare("large")).isGreaterThan(0.1);
    }

    @Test
    void aRouterKeepsItsBudgetOfStrongCallsForUnseenTasksAndInItsFile() {
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(60, "sums"));
        prompts.addAll(SyntheticBenchmark.prompts(60, "totals"));

        List<TrainedRouter> routers = new RouterTrainer(SETTINGS.withStrongCallShare(0.0)).train(prompts,
                SyntheticBenchmark.MODELS, List.of(1.0));

        TrainedRouter read = Json.read(Json.write(routers.get(0)), TrainedRouter.class);
        assertThat(read.settings().strongCallShare()).isEqualTo(0.0);
        List<RecordedPrompt> unseen = SyntheticBenchmark.prompts(30, "new-task");
        assertThat(RecordedRouting.route(read, unseen, false))
                .allSatisfy(r -> assertThat(r.operating().calls()).doesNotContain("large"));
        // the ladder router beside it is calibrated to a quality level again
        assertThat(routers.get(1).settings().strongCallShare()).isNull();
        assertThat(routers.get(1).settings().targetShare()).isEqualTo(1.0);
    }

    private static RunTotals crossValidated(List<RecordedPrompt> prompts,
                                            List<dev.switchboard.core.recorded.BenchmarkLine> lines,
                                            RouterSettings settings) {
        List<RoutedPrompt> routed = RecordedRouting.crossValidate(prompts, SyntheticBenchmark.MODELS, settings, 3);
        return RunTotals.of(lines, line -> routed.get(lines.indexOf(line)).operating());
    }

    @Test
    void skipsTheDraftersOnPromptsThePredictorKnowsTheyFail() {
        // enough prompts for skipping variants to be tried; the prior reads "riddle" from the prompt
        List<RecordedPrompt> prompts = SyntheticBenchmark.riddlePrompts(RouterTrainer.SKIP_MIN_PROMPTS + 100,
                "riddles");
        RouterSettings settings = SETTINGS.withSignals(EnumSet.of(Signal.PRIOR, Signal.AGREEMENT,
                Signal.FINAL_ANSWER)).withFamilies(List.of(CascadeFamily.NAME));

        TrainedRouter router = new RouterTrainer(settings).train(prompts, SyntheticBenchmark.MODELS);

        TaskPolicy policy = router.policy("riddles");
        assertThat(policy.skipGap()).isNotNull();
        List<RecordedPrompt> fresh = SyntheticBenchmark.riddlePrompts(10, "riddles");
        List<RoutedPrompt> routed = RecordedRouting.route(router, fresh, false);
        // a riddle goes straight to large; a plain prompt is answered by a cheap model
        assertThat(routed.get(0).operating().calls()).containsExactly("large");
        assertThat(routed.get(1).operating().calls()).doesNotContain("large");
        assertThat(routed).allSatisfy(r -> assertThat(r.prompt().score(r.operating().answeredBy())).isEqualTo(1.0));
    }

    @Test
    void calibratesThePolicyForUnseenTasksOnTasksLeftOutOfItsFit() {
        // two tasks where agreeing cheap answers are right, one where they are wrong on every third prompt
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(60, "sums"));
        prompts.addAll(SyntheticBenchmark.prompts(60, "totals"));
        prompts.addAll(SyntheticBenchmark.trapPrompts(60, "trap"));

        TrainedRouter router = new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS);

        // fitted without "trap", calibration at 95% trusts agreement and lands at 2/3 on it: the fallback is
        // calibrated to more than 95% of the pooled best quality, and reaches the target on a new trap-like task
        assertThat(router.fallback().trainingLevel()).isGreaterThan(0.95 + 1e-9);
        List<RecordedPrompt> unseen = SyntheticBenchmark.trapPrompts(60, "new-trap");
        List<RoutedPrompt> routed = RecordedRouting.route(router, unseen, false);
        List<dev.switchboard.core.recorded.BenchmarkLine> lines = unseen.stream().map(RecordedPrompt::line).toList();
        RunTotals run = RunTotals.of(lines, line -> routed.get(lines.indexOf(line)).operating());
        assertThat(run.quality()).isGreaterThanOrEqualTo(0.95);
        // a task it was trained on keeps its own, cheaper policy
        assertThat(router.policy("sums").trainingLevel()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void theFallbacksTopSettingCallsTheStrongestModelWherePredictionsMislead() {
        // large is the strongest on every task, but what a task teaches about apples and pears is wrong on the next
        List<RecordedPrompt> prompts = new ArrayList<>();
        List<String> tasks = List.of("one", "two", "three", "four");
        for (int t = 0; t < tasks.size(); t++) {
            prompts.addAll(SyntheticBenchmark.misleadingPrompts(60, tasks.get(t), t % 2 == 1));
        }
        RouterSettings threshold = SETTINGS.withFamilies(List.of(ThresholdFamily.NAME));

        // calibrated to all of the best model's quality, the policy for unseen tasks must not trust the predictions
        TrainedRouter router = new RouterTrainer(threshold).train(prompts, SyntheticBenchmark.MODELS, List.of(1.0))
                .get(1);

        assertThat(router.fallback().otherwise()).isEqualTo("large");
        for (boolean flipped : List.of(false, true)) {
            List<RecordedPrompt> unseen = SyntheticBenchmark.misleadingPrompts(40, "five", flipped);
            List<RoutedPrompt> routed = RecordedRouting.route(router, unseen, false);
            assertThat(routed).allSatisfy(r -> assertThat(r.operating().calls()).containsExactly("large"));
        }
        // a task it was trained on keeps its own policy, which reads the prediction
        assertThat(router.policy("one").otherwise()).isNull();
    }

    @Test
    void foldsHoldEveryTaskAndDependOnlyOnTheSeed() {
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(20, "a"));
        prompts.addAll(SyntheticBenchmark.prompts(10, "b"));

        var folds = RecordedRouting.folds(prompts, 5, 7);

        assertThat(prompts.stream().map(folds::get).toList())
                .isEqualTo(prompts.stream().map(RecordedRouting.folds(prompts, 5, 7)::get).toList());
        for (int f = 0; f < 5; f++) {
            int fold = f;
            assertThat(prompts.stream().filter(p -> folds.get(p) == fold).map(RecordedPrompt::task).distinct())
                    .containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void holdingOutTasksNeedsTwoTasks() {
        assertThatThrownBy(() -> RecordedRouting.holdOutTasks(SyntheticBenchmark.prompts(10, "a"),
                SyntheticBenchmark.MODELS, SETTINGS)).hasMessageContaining("two tasks");
    }
}
