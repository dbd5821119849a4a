package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairedBootstrapTest {

    /** BootstrapTest's forty prompts: cheap q 0.5 for 0.001 a prompt, strong q 0.625 for 0.010. */
    private static final List<BenchmarkLine> LINES = BootstrapTest.lines();
    private static final List<Function<BenchmarkLine, Choice>> ORACLE =
            List.of(line -> Choice.single(Oracle.choose(line)));
    private static final List<Function<BenchmarkLine, Choice>> STRONG = List.of(line -> Choice.single("strong"));
    private static final List<Function<BenchmarkLine, Choice>> CASCADE =
            List.of(line -> TaskMetricsTest.CASCADE.get(line.id().substring(0, 2)));

    @Test
    void theOracleBeatsTheBestModelInEveryResample() {
        PairedBootstrap p = PairedBootstrap.of(LINES, ORACLE, STRONG, 0.95, 100, 7);

        assertThat(p.resamples()).isEqualTo(100);
        assertThat(p.savingHigher()).isEqualTo(1.0);
        assertThat(p.savingTied()).isZero();
        // the oracle's saving is 0.45 on the whole run, the best model's 0
        assertThat(p.savingDifference90().get(0)).isGreaterThan(0.3);
        assertThat(p.savingDifference90().get(1)).isLessThan(0.6);
        assertThat(p.aiqHigher()).isEqualTo(1.0);
        assertThat(p.aiqDifference90().get(0)).isPositive();
    }

    @Test
    void thePairingIsOrderedAndAPolicyTiesWithItself() {
        PairedBootstrap reversed = PairedBootstrap.of(LINES, STRONG, ORACLE, 0.95, 100, 7);
        PairedBootstrap itself = PairedBootstrap.of(LINES, CASCADE, CASCADE, 0.95, 100, 7);

        assertThat(reversed.savingHigher()).isZero();
        assertThat(reversed.aiqHigher()).isZero();
        assertThat(reversed.savingDifference90().get(1)).isNegative();
        assertThat(itself.savingTied()).isEqualTo(1.0);
        assertThat(itself.savingHigher()).isZero();
        assertThat(itself.aiqHigher()).isZero();
        assertThat(itself.savingDifference90()).containsExactly(0.0, 0.0);
        assertThat(itself.aiqDifference90()).containsExactly(0.0, 0.0);
    }

    @Test
    void aCurveThatMissesTheTargetSavesLessThanOneThatReachesIt() {
        // cheap alone (q 0.5) misses 95% of strong's 0.625 on the whole run, and in most resamples; strong always
        // reaches it, at no saving, so it wins each resample where cheap misses and loses the others
        List<Function<BenchmarkLine, Choice>> cheap = List.of(line -> Choice.single("cheap"));
        PairedBootstrap p = PairedBootstrap.of(LINES, STRONG, cheap, 0.95, 100, 7);
        PairedBootstrap reversed = PairedBootstrap.of(LINES, cheap, STRONG, 0.95, 100, 7);

        assertThat(p.savingHigher()).isGreaterThan(0.5).isLessThan(1.0);
        assertThat(p.savingTied()).isZero();
        assertThat(p.savingHigher() + reversed.savingHigher()).isEqualTo(1.0);
        assertThat(p.savingDifference90()).isNull(); // both reach the target in fewer than half of the resamples
        assertThat(PairedBootstrap.of(LINES, cheap, cheap, 0.95, 100, 7).savingTied()).isEqualTo(1.0);
    }

    @Test
    void theCascadeAgainstTheOracleIsDecidedResampleByResample() {
        // cascade: q 0.875 for 0.024 per four prompts; oracle: q 0.875 for 0.022, the same answers on p1 to p3
        PairedBootstrap first = PairedBootstrap.of(LINES, CASCADE, ORACLE, 0.95, 200, 11);

        assertThat(first).isEqualTo(PairedBootstrap.of(LINES, CASCADE, ORACLE, 0.95, 200, 11));
        // the oracle answers p2 with strong alone where the cascade also pays cheap: never dearer, so never beaten
        assertThat(first.savingHigher()).isZero();
        assertThat(first.savingDifference90().get(1)).isNegative();
        assertThatThrownBy(() -> PairedBootstrap.of(List.of(), CASCADE, ORACLE, 0.95, 10, 1))
                .hasMessageContaining("needs prompts");
        assertThatThrownBy(() -> PairedBootstrap.of(LINES, CASCADE, List.of(), 0.95, 10, 1))
                .hasMessageContaining("at least one point");
    }
}
