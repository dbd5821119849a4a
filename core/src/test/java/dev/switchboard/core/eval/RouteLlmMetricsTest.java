package dev.switchboard.core.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RouteLlmMetricsTest {

    private static final List<CostQuality> ROUTER = List.of(new CostQuality(1, 0.9), new CostQuality(0, 0.6),
            new CostQuality(0.5, 0.8));

    @Test
    void apgrIsTheTrapezoidAreaTurnedIntoAGapShare() {
        // 0.5 × (0.6 + 0.8) / 2 + 0.5 × (0.8 + 0.9) / 2 = 0.775; (0.775 − 0.6) / (0.9 − 0.6)
        assertThat(RouteLlmMetrics.apgr(ROUTER, 0.6, 0.9)).isCloseTo(0.175 / 0.3, within(1e-12));
    }

    @Test
    void aRandomRouterRecoversHalfTheGap() {
        List<CostQuality> random = List.of(new CostQuality(0, 0.6), new CostQuality(0.3, 0.69),
                new CostQuality(1, 0.9));
        assertThat(RouteLlmMetrics.apgr(random, 0.6, 0.9)).isCloseTo(0.5, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.375", "0.8, 0.7", "0.0, 0.0", "1.0, 1.0"})
    void cptIsTheFirstStrongShareThatRecoversTheGapShare(double share, double expected) {
        assertThat(RouteLlmMetrics.cpt(ROUTER, 0.6, 0.9, share).getAsDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void cptIsEmptyWhenTheRouterNeverGetsThere() {
        assertThat(RouteLlmMetrics.cpt(List.of(new CostQuality(0, 0.6), new CostQuality(1, 0.7)), 0.6, 0.9, 0.5))
                .isEmpty();
    }

    @Test
    void normalisesCostBetweenTheWeakAndTheStrongModel() {
        assertThat(RouteLlmMetrics.normalisedCost(3, 1, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(RouteLlmMetrics.normalisedCost(7, 1, 5)).isEqualTo(1);
        assertThat(RouteLlmMetrics.normalisedCost(0.5, 1, 5)).isZero();
        assertThatThrownBy(() -> RouteLlmMetrics.pgr(0.7, 0.9, 0.6)).isInstanceOf(IllegalArgumentException.class);
    }
}
