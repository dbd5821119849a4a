package dev.switchboard.bench.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The blind check on the real MT-Bench and ZeroEval CRUXEval files; skipped when ../shared/data is absent. */
class RecordedBlindEvalTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    @Test
    void decidesTheRecordedFilesTheSameWithTheirScoresRemoved() throws IOException {
        for (String[] source : List.of(new String[]{"routellm", "routellm-mt_bench.dev.jsonl"},
                new String[]{"zeroeval", "zeroeval-crux.dev.jsonl"})) {
            Path data = require(source[1]);
            Path models = require(source[0] + ".models.json");
            Path router = dir.resolve(source[0] + ".router.json");
            List<String> common = List.of("--data", data.toString(), "--models", models.toString());

            EvalRun.train(EvalOptions.parse(concat(common, "--out", router.toString()), true), QUIET);
            EvalRun.eval(EvalOptions.parse(concat(common, "--out", dir.resolve(source[0] + "-scored").toString(),
                    "--model", router.toString()), false), List.of(), QUIET);
            EvalRun.eval(EvalOptions.parse(concat(common, "--out", dir.resolve(source[0] + "-blind").toString(),
                    "--model", router.toString(), "--blind"), false), List.of(), QUIET);

            byte[] scored = Files.readAllBytes(dir.resolve(source[0] + "-scored/decisions.jsonl"));
            assertThat(Files.readAllBytes(dir.resolve(source[0] + "-blind/decisions.jsonl"))).isEqualTo(scored);
            assertThat(new String(scored)).contains("\"answered_by\"");
        }
    }

    private static Path require(String name) {
        Path file = Stream.of("../shared/data/routing", "../../shared/data/routing")
                .map(d -> Path.of(d, name)).filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(file != null, "routing data set not found: ../shared/data/routing/" + name);
        return file;
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
