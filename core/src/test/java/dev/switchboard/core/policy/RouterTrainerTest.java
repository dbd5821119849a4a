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

        List<TrainedRouter> routers = new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS, shares);

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
