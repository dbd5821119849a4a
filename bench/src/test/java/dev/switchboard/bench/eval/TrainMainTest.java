package dev.switchboard.bench.eval;

import dev.switchboard.core.policy.RouterArtifact;
import dev.switchboard.core.policy.TaskPolicy;
import dev.switchboard.core.policy.TrainedRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./switchboard train} prints about the router it wrote. */
class TrainMainTest {

    @TempDir
    Path dir;

    @Test
    void printsEveryTasksPolicyAndThePolicyForTasksItWasNotTrainedOn() throws IOException {
        Path models = SyntheticFiles.models(dir);
        Path sums = SyntheticFiles.task(dir, "sums", 60, true);
        Path totals = SyntheticFiles.task(dir, "totals", 45, true);
        Path router = dir.resolve("router.json.gz");
        Console printed = Console.run(TrainMain::run, "--data", sums.toString(), "--data", totals.toString(),
                "--models", models.toString(), "--predictor", "words", "--out", router.toString());

        assertThat(printed.code()).isZero();
        TrainedRouter written = RouterArtifact.read(router);
        assertThat(printed.out())
                .contains("sums: " + TrainMain.describe(written.policy("sums")))
                .contains("totals: " + TrainMain.describe(written.policy("totals")))
                .contains("tasks it was not trained on: " + TrainMain.describe(written.fallback()))
                .contains("Wrote " + router);
    }

    @Test
    void namesTheModelAThresholdPolicyTakesWhenNoPredictionClearsIt() {
        TaskPolicy escalating = new TaskPolicy("threshold", List.of("small", "large"), List.of(), false, 0.9, 10,
                1.0, BigDecimal.ONE, 0.95, null, "large");
        TaskPolicy plain = new TaskPolicy("threshold", List.of("small", "large"), List.of(), false, 0.9, 10, 1.0,
                BigDecimal.ONE, 0.95, null, null);

        assertThat(TrainMain.describe(escalating))
                .isEqualTo("threshold over [small, large] at threshold 0.9, else large");
        assertThat(TrainMain.describe(plain)).isEqualTo("threshold over [small, large] at threshold 0.9");
    }
}
