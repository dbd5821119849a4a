package dev.switchboard.bench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        Printed run = run("--data", sums.toString(), "--models", models.toString(), "--cv", "3", "--predictor",
                "words", "--ladder", "none", "--versus", "routellm-mf", "--out", dir.resolve("out").toString());

        assertThat(run.code).isZero();
        assertThat(run.out).contains("sums ").contains("saving at target: policy ")
                .containsPattern("against routellm-mf: saving at target [^,]+ vs [^,]+, higher in [0-9.]+% of "
                        + "resamples \\(tied in [0-9.]+%\\); AIQ [0-9.]+ vs [0-9.]+, higher in [0-9.]+%")
                .contains("Wrote " + dir.resolve("out").resolve("decisions.jsonl"));
        assertThat(run.err).doesNotContain("switchboard eval:"); // libraries may log warnings there
    }

    @Test
    void refusesAnUnknownBaselineWithItsNameAndTheUsage() throws IOException {
        Path models = SyntheticFiles.models(dir);
        Path sums = SyntheticFiles.task(dir, "sums", 30, true);
        Printed run = run("--data", sums.toString(), "--models", models.toString(), "--versus", "litellm", "--out",
                dir.resolve("out").toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).startsWith("switchboard eval: unknown baseline 'litellm', known: routellm-sw, "
                + "routellm-mf, cascadeflow-gate").contains("--versus LIST|all");
    }

    private record Printed(int code, String out, String err) {
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = EvalMain.run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Printed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
