package dev.switchboard.core.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QualityHullTest {

    // (3, 0.6) and (3, 0.84) lie under the line from (2, 0.8) to (4, 0.9); (5, 0.85) costs more for less.
    private static final QualityHull HULL = QualityHull.of(List.of(new CostQuality(3, 0.6),
            new CostQuality(1, 0.5), new CostQuality(4, 0.9), new CostQuality(2, 0.8), new CostQuality(3, 0.84),
            new CostQuality(5, 0.85)));

    @Test
    void keepsTheUpperLeftCornersUpToTheBestPoint() {
        assertThat(HULL.vertices()).containsExactly(new CostQuality(1, 0.5), new CostQuality(2, 0.8),
                new CostQuality(4, 0.9));
    }

    @Test
    void mixesLinearlyBetweenCornersAndStaysFlatAfterTheBest() {
        assertThat(HULL.qualityAt(1.5).getAsDouble()).isCloseTo(0.65, within(1e-12));
        assertThat(HULL.qualityAt(3).getAsDouble()).isCloseTo(0.85, within(1e-12));
        assertThat(HULL.qualityAt(10).getAsDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(HULL.qualityAt(0.5)).isEmpty();
    }

    @Test
    void findsTheLeastCostOfAQuality() {
        assertThat(HULL.costAt(0.4).getAsDouble()).isEqualTo(1);
        assertThat(HULL.costAt(0.85).getAsDouble()).isCloseTo(3.0, within(1e-12));
        assertThat(HULL.costAt(0.95)).isEmpty();
    }

    @Test
    void averagesTheAreaUnderTheHullOverTheCostRange() {
        // [1,2]: (0.5 + 0.8) / 2 = 0.65; [2,4]: 2 × 0.85 = 1.7; [4,5]: 0.9 → 3.25 over a range of 4
        assertThat(HULL.aiq(1, 5)).isCloseTo(0.8125, within(1e-12));
        // nothing is reachable below the cheapest point: [0,1] adds no area
        assertThat(HULL.aiq(0, 5)).isCloseTo(0.65, within(1e-12));
        assertThat(HULL.aiq(1.5, 3)).isCloseTo(((0.65 + 0.8) / 2 * 0.5 + (0.8 + 0.85) / 2) / 1.5, within(1e-12));
    }

    @Test
    void aSinglePointIsItsOwnHull() {
        QualityHull one = QualityHull.of(List.of(new CostQuality(2, 0.7)));
        assertThat(one.costAt(0.7).getAsDouble()).isEqualTo(2);
        assertThat(one.aiq(1, 3)).isCloseTo(0.35, within(1e-12));
        assertThatThrownBy(() -> QualityHull.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.aiq(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
