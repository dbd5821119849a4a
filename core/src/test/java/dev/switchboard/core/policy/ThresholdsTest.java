package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SweepPoint;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdsTest {

    @Test
    void theSweepTotalsEqualEachThresholdsRunDecidedPromptByPrompt() {
        List<RecordedPrompt> prompts = SyntheticBenchmark.prompts(97, "gsm8k");
        // Each prompt switches from small to small+medium to the whole chain at its own thresholds, answered by a
        // model that depends on the prompt; some never switch.
        Map<RecordedPrompt, DecisionTrace> traces = new IdentityHashMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            double first = (i * 37 % 101) / 100.0;
            double second = Math.min(1.0, first + (i % 5) / 10.0);
            String two = i % 2 == 0 ? "medium" : "small";
            String last = i % 3 == 0 ? "small" : "large";
            traces.put(prompts.get(i), threshold -> threshold <= first ? Choice.single("small")
                    : threshold <= second ? new Choice(List.of("small", "medium"), two)
                    : new Choice(List.of("small", "medium", "large"), last));
        }
        List<SweepPoint> sweep = Thresholds.sweep(prompts, traces::get);

        assertEquals(Thresholds.GRID.size(), sweep.size());
        List<?> lines = prompts.stream().map(RecordedPrompt::line).toList();
        for (int t = 0; t < sweep.size(); t++) {
            double threshold = Thresholds.GRID.get(t);
            RunTotals expected = RunTotals.of(prompts.stream().map(RecordedPrompt::line).toList(),
                    line -> traces.get(prompts.get(lines.indexOf(line))).at(threshold));
            assertEquals(threshold, sweep.get(t).threshold());
            assertEquals(expected, sweep.get(t).totals(), "at threshold " + threshold);
            assertEquals(expected.costUsd().scale(), sweep.get(t).totals().costUsd().scale());
        }
        // The curve does move: from all small to mostly the whole chain.
        assertEquals(prompts.size(), sweep.get(0).totals().callCount().get("small"));
        assertEquals(prompts.size(), sweep.get(sweep.size() - 1).totals().callCount().get("large"));
    }
}
