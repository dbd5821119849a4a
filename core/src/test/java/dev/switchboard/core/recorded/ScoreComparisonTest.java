package dev.switchboard.core.recorded;

import dev.switchboard.core.eval.Choice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreComparisonTest {

    @Test
    void comparesTheRoutedAnswersWithEverySingleModelOnTheSamePrompts() {
        List<BenchmarkLine> lines = List.of(
                line("q1", outcome(1.0, "0.001"), outcome(1.0, "0.0001")),
                line("q2", outcome(1.0, "0.002"), outcome(0.0, "0.0002")),
                line("q3", outcome(0.0, "0.003"), outcome(1.0, "0.0003")));

        // q2: a cascade that drafted on cheap and escalated to strong pays for both calls
        ScoreComparison run = ScoreComparison.of(lines, Map.of("q1", Choice.single("cheap"),
                "q2", new Choice(List.of("cheap", "strong"), "strong")));

        assertThat(run.prompts()).isEqualTo(3);
        assertThat(run.answered()).isEqualTo(2);
        assertThat(run.routedMeanScore()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(run.routedCostUsd()).isEqualByComparingTo("0.0023");
        // both score 2/3: the cheaper one is the best single model
        assertThat(run.bestSingleModel().model()).isEqualTo("cheap");
        assertThat(run.bestSingleModel().costUsd()).isEqualByComparingTo("0.0006");
        assertThat(run.models()).extracting(ScoreComparison.ModelScore::model).containsExactly("cheap", "strong");
    }

    @Test
    void leavesOutModelsMissingOnSomePrompt() {
        BenchmarkLine partial = new BenchmarkLine("q2", "s", "t", "p2", null, Map.of("strong", outcome(1, "0.1")));
        ScoreComparison run = ScoreComparison.of(List.of(line("q1", outcome(1, "0.1"), outcome(1, "0.01")), partial),
                Map.of());

        assertThat(run.models()).extracting(ScoreComparison.ModelScore::model).containsExactly("strong");
        assertThat(run.routedMeanScore()).isZero();
    }

    private static BenchmarkLine line(String id, RecordedOutcome strong, RecordedOutcome cheap) {
        return new BenchmarkLine(id, "s", "t", "prompt " + id, null, Map.of("strong", strong, "cheap", cheap));
    }

    private static RecordedOutcome outcome(double score, String cost) {
        return new RecordedOutcome(score, "answer", 10, 5, new BigDecimal(cost));
    }
}
