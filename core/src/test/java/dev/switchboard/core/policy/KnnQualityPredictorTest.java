package dev.switchboard.core.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnnQualityPredictorTest {

    static final List<String> MODELS = List.of("coder", "poet");
    static final List<PromptView> PROMPTS = List.of(
            view("code", "write a python function that sorts a list"),
            view("code", "write a python function that reverses a string"),
            view("code", "write a python function that sums a list of numbers"),
            view("poem", "write a short poem about the sea at night"),
            view("poem", "write a short poem about autumn leaves"),
            view("poem", "write a short poem about the moon and the sea"));
    static final List<double[]> SCORES = List.of(new double[]{1, 0}, new double[]{1, 0},
            new double[]{1, 0}, new double[]{0, 1}, new double[]{0, 1}, new double[]{0, 1});

    @Test
    void predictsFromTheScoresOfSimilarPrompts() {
        KnnQualityPredictor predictor = KnnQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5);

        Map<String, Double> code = predictor.predict(view("code", "write a python function that sorts numbers"));
        Map<String, Double> poem = predictor.predict(view("poem", "a short poem about the night sea"));

        assertThat(code.get("coder")).isGreaterThan(0.6);
        assertThat(code.get("poet")).isLessThan(0.4);
        assertThat(poem.get("poet")).isGreaterThan(poem.get("coder"));
    }

    @Test
    void fallsBackToTheTaskMeanWhenNothingIsSimilar() {
        KnnQualityPredictor predictor = KnnQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5);

        assertThat(predictor.predict(view("code", "zzz qqq"))).containsEntry("coder", 1.0).containsEntry("poet", 0.0);
        assertThat(predictor.predict(view("unseen", "zzz qqq"))).containsEntry("coder", 0.5);
    }

    @Test
    void leavingOneOutIgnoresThePromptItself() {
        List<double[]> odd = List.of(new double[]{1, 0}, new double[]{1, 0}, new double[]{0, 1},
                new double[]{0, 1}, new double[]{0, 1}, new double[]{0, 1});
        KnnQualityPredictor predictor = KnnQualityPredictor.train(MODELS, PROMPTS, odd, 1, 0.01);

        // prompt 2's own scores say coder 0 / poet 1; its nearest other prompt (0 or 1) says coder 1
        assertThat(predictor.predictLeavingOut(2).get("coder")).isGreaterThan(0.9);
    }

    @Test
    void leavingATaskOutDrawsOnTheOtherTasksAndTheirMean() {
        KnnQualityPredictor predictor = KnnQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5);

        // a code prompt as if code had never been seen: its nearest are poems (they share "write a"), poet scored
        assertThat(predictor.predictLeavingOutTask(0).get("coder")).isLessThan(0.1);
        assertThat(predictor.predictLeavingOutTask(0).get("poet")).isGreaterThan(0.9);
        assertThat(predictor.predictLeavingOut(0).get("coder")).isGreaterThan(0.9);
    }

    static PromptView view(String task, String text) {
        return new PromptView(task, text, List.of(), null);
    }
}
