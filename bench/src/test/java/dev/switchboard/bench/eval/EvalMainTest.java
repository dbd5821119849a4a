package dev.switchboard.bench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./switchboard eval} prints, and how it refuses what it cannot do. */
class EvalMainTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void printsEachTaskAndHowTheRouterFaredAgainstEachBaselineBesideIt() throws IOException {
        Path models = SyntheticFiles.models(dir);
        Path sums = SyntheticFiles.task(dir, "sums", 60, true);
        Console run = Console.run(EvalMain::run, "--data", sums.toString(), "--models", models.toString(), "--cv",
                "3", "--predictor", "words", "--ladder", "none", "--versus", "routellm-mf", "--out",
                dir.resolve("out").toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("sums ").contains("saving at target: policy ")
                .containsPattern("against routellm-mf: saving at target [^,]+ vs [^,]+, higher in [0-9.]+% of "
                        + "resamples \\(tied in [0-9.]+%\\); AIQ [0-9.]+ vs [0-9.]+, higher in [0-9.]+%")
                .contains("Wrote " + dir.resolve("out").resolve("decisions.jsonl"));
        assertThat(run.err()).doesNotContain("switchboard eval:"); // libraries may log warnings there
    }

    @Test
    void refusesAnUnknownBaselineWithItsNameAndTheUsage() throws IOException {
        Path models = SyntheticFiles.models(dir);
        Path sums = SyntheticFiles.task(dir, "sums", 30, true);
        Console run = Console.run(EvalMain::run, "--data", sums.toString(), "--models", models.toString(),
                "--versus", "litellm", "--out", dir.resolve("out").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("switchboard eval: unknown baseline 'litellm', known: routellm-sw, "
                + "routellm-mf, cascadeflow-gate").contains("--versus LIST|all");
    }
}
