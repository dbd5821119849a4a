package dev.switchboard.core.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QualityTargetTest {

    /** Preference order a, b, c, d (say cheapest first). */
    private static final List<String> ORDER = List.of("a", "b", "c", "d");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("first reaching", Map.of("a", 0.5, "b", 0.8, "c", 0.9, "d", 0.7), 0.75,
                        List.of("b", "c")),
                arguments("reaching exactly counts", Map.of("a", 0.75, "b", 0.8, "c", 0.9, "d", 0.7), 0.75,
                        List.of("a", "b", "c")),
                arguments("target 0 keeps the order", Map.of("a", 0.1, "b", 0.2, "c", 0.3, "d", 0.0), 0.0,
                        ORDER),
                arguments("none reaching: by quality", Map.of("a", 0.5, "b", 0.7, "c", 0.6, "d", 0.7), 0.8,
                        List.of("b", "d", "c", "a")),
                arguments("a missing prediction reads as 0", Map.of("b", 0.4), 0.5, List.of("b", "a", "c", "d")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksTheFirstReachingTheTargetElseTheBestAndRanksTheSameSideOfTheTarget(
            String name, Map<String, Double> quality, double target, List<String> expectedRank) {
        List<String> rank = QualityTarget.rank(ORDER, m -> quality.getOrDefault(m, 0.0), target);

        assertThat(rank).containsExactlyElementsOf(expectedRank);
        assertThat(QualityTarget.pick(ORDER, m -> quality.getOrDefault(m, 0.0), target)).isEqualTo(rank.get(0));
    }

    @Test
    void whenNoneReachesTheTargetTheGivenModelIsPickedInsteadOfTheBest() {
        Map<String, Double> q = Map.of("a", 0.5, "b", 0.9, "c", 0.6, "d", 0.4);

        assertThat(QualityTarget.pick(ORDER, q::get, 0.95, "d")).isEqualTo("d");
        assertThat(QualityTarget.pick(ORDER, q::get, 0.95, null)).isEqualTo("b");
        assertThat(QualityTarget.pick(ORDER, q::get, 0.55, "d")).isEqualTo("b");
    }

    @Test
    void bestIsTheEarliestOfTheHighest() {
        Map<String, Double> q = Map.of("a", 0.2, "b", 0.9, "c", 0.9, "d", 0.1);

        assertThat(QualityTarget.best(ORDER, q::get)).isEqualTo("b");
        assertThatThrownBy(() -> QualityTarget.best(List.<String>of(), q::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The threshold policy's rule as {@code policy.ThresholdFamily} wrote it before it called {@link QualityTarget}:
     * both variants must pick the same model for every prediction and threshold, or the evaluator's numbers move.
     */
    @Test
    void decidesExactlyAsTheThresholdPolicyDidBeforeSharingTheRule() {
        Random random = new Random(20240611);
        for (int trial = 0; trial < 20_000; trial++) {
            List<String> byCost = new ArrayList<>();
            Map<String, Double> prior = new HashMap<>();
            int models = 1 + random.nextInt(6);
            for (int i = 0; i < models; i++) {
                byCost.add("m" + i);
                if (random.nextInt(8) > 0) {
                    // Coarse values so that ties and exact hits of the threshold happen often.
                    prior.put("m" + i, random.nextInt(21) / 20.0);
                }
            }
            double threshold = random.nextInt(8) == 0 ? 1.0001 : random.nextInt(201) / 200.0;
            for (boolean relative : new boolean[] {false, true}) {
                assertThat(shared(byCost, prior, threshold, relative))
                        .as("%s %s threshold %s relative %s", byCost, prior, threshold, relative)
                        .isEqualTo(original(byCost, prior, threshold, relative));
            }
        }
    }

    /** What ThresholdFamily.pick does now. */
    private static String shared(List<String> byCost, Map<String, Double> prior, double threshold, boolean relative) {
        java.util.function.ToDoubleFunction<String> chance = m -> prior.getOrDefault(m, 0.0);
        double bar = relative ? chance.applyAsDouble(QualityTarget.best(byCost, chance)) - (1 - threshold) : threshold;
        return QualityTarget.pick(byCost, chance, bar);
    }

    private static String original(List<String> byCost, Map<String, Double> prior, double threshold, boolean relative) {
        String best = byCost.get(0);
        for (String model : byCost) {
            if (prior.getOrDefault(model, 0.0) > prior.getOrDefault(best, 0.0)) {
                best = model;
            }
        }
        double bar = relative ? prior.getOrDefault(best, 0.0) - (1 - threshold) : threshold;
        for (String model : byCost) {
            if (prior.getOrDefault(model, 0.0) >= bar) {
                return model;
            }
        }
        return best;
    }
}
