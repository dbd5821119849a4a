package dev.switchboard.core.policy;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelPricing;
import dev.switchboard.core.catalog.ModelSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LevelTransferTest {

    private static final ModelCatalog CATALOG = ModelCatalog.of(List.of(
            spec("small", 0.50), spec("medium", 0.70), spec("large", 0.90), spec("between", 0.85)));
    private static final LevelTransfer TRANSFER = new LevelTransfer(
            Map.of("weak", 0.40, "mid", 0.60, "strong", 0.80));

    @Test
    void catalogModelsReadTheTrainedModelsAtTheSameLevel() {
        Map<String, Double> out = TRANSFER.toCatalog(Map.of("weak", 0.2, "mid", 0.5, "strong", 0.9), CATALOG);

        // 0.50: halfway from weak (0.40) to mid (0.60); 0.70: halfway from mid to strong (0.80)
        assertThat(out.get("small")).isCloseTo(0.2 + 0.5 * 0.3, within(1e-12));
        assertThat(out.get("medium")).isCloseTo(0.5 + 0.5 * 0.4, within(1e-12));
        // Above the strongest trained model: held at its chance.
        assertThat(out.get("large")).isCloseTo(0.9, within(1e-12));
        assertThat(out.get("between")).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aStrongerModelIsNeverPredictedWorseOnTheSamePrompt() {
        // The predictor thinks the middle model does better than the strong one: pooled to their mean.
        Map<String, Double> out = TRANSFER.toCatalog(Map.of("weak", 0.2, "mid", 0.9, "strong", 0.7), CATALOG);

        assertThat(out.get("medium")).isCloseTo(0.8, within(1e-12));
        assertThat(out.get("large")).isCloseTo(0.8, within(1e-12));
        assertThat(out.get("small")).isCloseTo(0.2 + 0.5 * 0.6, within(1e-12));
        assertThat(out.get("small")).isLessThanOrEqualTo(out.get("medium"));
    }

    @Test
    void aCatalogModelTheModelWasTrainedOnKeepsItsOwnPrediction() {
        Map<String, Double> out = TRANSFER.toCatalog(
                Map.of("weak", 0.2, "mid", 0.5, "strong", 0.9, "medium", 0.33), CATALOG);

        assertThat(out.get("medium")).isEqualTo(0.33);
    }

    @Test
    void poolAdjacentViolatorsGivesTheClosestNonDecreasingSequence() {
        assertThat(LevelTransfer.monotone(new double[]{0.5, 0.3, 0.7})).containsExactly(0.4, 0.4, 0.7);
        assertThat(LevelTransfer.monotone(new double[]{0.9, 0.6, 0.3})).containsExactly(0.6, 0.6, 0.6);
        assertThat(LevelTransfer.monotone(new double[]{0.1, 0.2})).containsExactly(0.1, 0.2);
    }

    @Test
    void needsTwoLevels() {
        assertThatThrownBy(() -> new LevelTransfer(Map.of("a", 0.5, "b", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different levels");
    }

    private static ModelSpec spec(String id, double quality) {
        return new ModelSpec(id, "openai", "o200k_base",
                new ModelPricing(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null), 1000, 100,
                Set.of(Capability.JSON), 100, 10, quality, "test");
    }
}
