package dev.switchboard.core.policy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticModelTest {

    // label = 1 mostly when the first feature is large; the second feature is noise in other units
    private static final double[][] ROWS = {{0, 100}, {1, 300}, {2, 100}, {3, 200}, {4, 300}, {5, 100}, {6, 200},
            {7, 300}, {1, 200}, {6, 100}};
    private static final double[] LABELS = {0, 0, 0, 1, 0, 1, 1, 1, 0, 1};

    @Test
    void learnsWhichWayAFeaturePoints() {
        LogisticModel model = LogisticModel.fit(ROWS, LABELS, 0.01);

        assertThat(model.probability(new double[]{7, 200})).isGreaterThan(0.8);
        assertThat(model.probability(new double[]{0, 200})).isLessThan(0.2);
        assertThat(model.weights()).hasSize(3);
    }

    @Test
    void fitsTheSameWeightsEveryTime() {
        assertThat(LogisticModel.fit(ROWS, LABELS, 0.01).weights())
                .containsExactly(LogisticModel.fit(ROWS, LABELS, 0.01).weights());
    }

    @Test
    void staysFiniteWhenEveryLabelIsTheSame() {
        LogisticModel model = LogisticModel.fit(ROWS, new double[ROWS.length], 0.01);

        assertThat(model.probability(new double[]{3, 100})).isLessThan(0.01);
        assertThat(Arrays.stream(model.weights()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void aConstantFeatureGetsNoWeight() {
        double[][] rows = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
        LogisticModel model = LogisticModel.fit(rows, new double[]{0, 0, 1, 1}, 0.01);

        assertThat(model.weights()[1]).isCloseTo(0, within(1e-9));
        assertThat(model.weights()[2]).isPositive();
    }
}
