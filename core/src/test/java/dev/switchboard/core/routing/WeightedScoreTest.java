package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.ModelPricing;
import dev.switchboard.core.catalog.ModelSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedScoreTest {

    @Test
    void scalesCostOnALogScaleSoTheMiddleOfAHundredfoldRangeIsTenfold() {
        // $0.001, $0.01, $0.1 for 1M input tokens: x10 each.
        List<Candidate> three = List.of(candidate("a", "0.001", 1_000, 0.5), candidate("b", "0.01", 1_000, 0.5),
                candidate("c", "0.1", 1_000, 0.5));

        List<WeightedScore.Scored> byCost = WeightedScore.order(three, StrategyWeights.COST);

        assertThat(byCost).extracting(s -> s.candidate().id()).containsExactly("a", "b", "c");
        assertThat(byCost).extracting(WeightedScore.Scored::score)
                .satisfiesExactly(a -> assertThat(a).isEqualTo(1.0), b -> assertThat(b).isCloseTo(0.5, within(1e-9)),
                        c -> assertThat(c).isEqualTo(0.0));
    }

    @Test
    void scalesLatencyOnALogScaleAndQualityLinearly() {
        List<Candidate> three = List.of(candidate("fast", "1", 100, 0.2), candidate("mid", "1", 1_000, 0.5),
                candidate("slow", "1", 10_000, 0.6));

        assertThat(WeightedScore.order(three, StrategyWeights.SPEED)).extracting(WeightedScore.Scored::score)
                .satisfiesExactly(f -> assertThat(f).isEqualTo(1.0), m -> assertThat(m).isCloseTo(0.5, within(1e-9)),
                        s -> assertThat(s).isEqualTo(0.0));
        assertThat(WeightedScore.order(three, StrategyWeights.QUALITY))
                .extracting(s -> s.candidate().id() + " " + Math.round(s.score() * 100))
                .containsExactly("slow 100", "mid 75", "fast 0");
    }

    @Test
    void givesEveryCandidateTheBestMarkOnACriterionWhereTheyAreEqualAndBreaksTiesByCostThenId() {
        List<Candidate> same = List.of(candidate("z", "1", 500, 0.8), candidate("y", "1", 500, 0.8),
                candidate("x", "2", 500, 0.8));

        List<WeightedScore.Scored> order = WeightedScore.order(same, StrategyWeights.BALANCED);

        // Only cost differs: y and z score 1 and tie; x, dearer, gets 0.2 (latency) + 0.3 (quality).
        assertThat(order).extracting(s -> s.candidate().id()).containsExactly("y", "z", "x");
        assertThat(order.get(0).score()).isCloseTo(1.0, within(1e-9));
        assertThat(order.get(2).score()).isCloseTo(0.5, within(1e-9));
    }

    /** A model priced {@code inputUsdPerMtok} for 1M input tokens and no output, with the given latency. */
    private static Candidate candidate(String id, String inputUsdPerMtok, int latencyMs, double quality) {
        BigDecimal price = new BigDecimal(inputUsdPerMtok);
        ModelSpec spec = new ModelSpec(id, "test", "o200k_base", new ModelPricing(price, price, BigDecimal.ONE, null),
                2_000_000, 1_000, EnumSet.noneOf(Capability.class), latencyMs, 100, quality, "test");
        return new Candidate(CallEstimate.of(spec, 1_000_000, 0), quality, false);
    }
}
