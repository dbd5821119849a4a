package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapTest {

    /** TaskMetricsTest's four prompts ten times over: cheap q 0.5 for 0.001 a prompt, strong q 0.625 for 0.010. */
    private static final List<BenchmarkLine> LINES = lines();

    @Test
    void theOracleAsAPolicyIsAboveTheHullInEveryResample() {
        Bootstrap b = Bootstrap.of(LINES, List.of(line -> Choice.single(Oracle.choose(line))), 0.95, 100, 7);

        // the oracle sits above the hull everywhere; it saves at least the halfway saving except in resamples where
        // cheap alone reaches 95% of strong, so the hull saves more than the oracle (as on MT-Bench)
        assertThat(b.aiqTargetMet()).isEqualTo(1.0);
        assertThat(b.savingTargetMet()).isGreaterThan(0.5).isLessThan(1.0);
        assertThat(b.policySaving90().get(0)).isGreaterThan(0.3).isLessThanOrEqualTo(b.policySaving90().get(1));
    }

    @Test
    void theBestModelAsAPolicySavesNothingAndMeetsNoTarget() {
        Bootstrap b = Bootstrap.of(LINES, List.of(line -> Choice.single("strong")), 0.95, 100, 7);

        assertThat(b.policySaving90()).containsExactly(0.0, 0.0);
        assertThat(b.savingTargetMet()).isZero();
        // a curve that is only the hull's two ends has the hull's area, never more
        assertThat(b.aiqTargetMet()).isZero();
    }

    @Test
    void theCascadeMeetsTheSavingTargetAsOftenAsItsIntervalSays() {
        // TaskMetricsTest's cascade: q 0.875 for 0.024 per four prompts, saving 0.4 against halfway 0.3375
        List<Function<BenchmarkLine, Choice>> curve = new ArrayList<>();
        curve.add(line -> TaskMetricsTest.CASCADE.get(line.id().substring(0, 2)));
        Bootstrap first = Bootstrap.of(LINES, curve, 0.95, 200, 11);
        Bootstrap again = Bootstrap.of(LINES, curve, 0.95, 200, 11);

        assertThat(first).isEqualTo(again);
        assertThat(first.policySaving90().get(0)).isLessThan(0.4);
        assertThat(first.policySaving90().get(1)).isGreaterThan(0.4);
        assertThat(first.savingTargetMet()).isBetween(0.5, 1.0);
        assertThatThrownBy(() -> Bootstrap.of(List.of(), curve, 0.95, 10, 1)).hasMessageContaining("needs prompts");
    }

    static List<BenchmarkLine> lines() {
        List<BenchmarkLine> lines = new ArrayList<>();
        for (int copy = 0; copy < 10; copy++) {
            for (BenchmarkLine line : TaskMetricsTest.LINES) {
                lines.add(new BenchmarkLine(line.id() + "-" + copy, line.source(), line.task(), line.prompt(),
                        line.turns(), line.outcomes()));
            }
        }
        return lines;
    }
}
