package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The oracle and best-model numbers of ../shared/data/routing/README.md, recomputed; skipped without the data. */
class RecordedDataMetricsTest {

    @ParameterizedTest
    @CsvSource({
            "routerbench-arc_challenge, gpt-4-1106-preview, 94.88, 4.4116, 98.75, 0.1814",
            "routerbench-mbpp, gpt-4-1106-preview, 68.83, 2.3068, 86.23, 0.0988",
            "routerbench-winogrande, gpt-4-1106-preview, 84.11, 2.7315, 99.87, 0.0827",
            "zeroeval-gsm8k, claude-3-opus-20240229, 96.09, 10.4524, 98.96, 0.0386",
            "zeroeval-crux, gpt-4o-2024-08-06, 87.27, 1.4779, 94.78, 0.1307",
            "routellm-gsm8k, gpt-4-1106-preview, 85.55, 11.9319, 92.71, 4.2423",
            "routellm-mmlu, gpt-4-1106-preview, 80.94, 9.0435, 85.88, 2.2317",
            "routellm-mt_bench, gpt-4-1106-preview, 93.96, 1.4407, 95.19, 0.6910"})
    void matchesTheReadmesBestModelAndOracle(String file, String best, double bestAccuracy, double bestCost,
                                             double oracleAccuracy, double oracleCost) throws IOException {
        List<BenchmarkLine> lines = read(file + ".dev.jsonl");

        SingleModels singles = SingleModels.of(lines);
        RunTotals oracle = RunTotals.of(lines, line -> Choice.single(Oracle.choose(line)));

        assertThat(singles.best()).isEqualTo(best);
        assertThat(singles.get(best).quality() * 100).isCloseTo(bestAccuracy, within(0.005));
        assertThat(singles.get(best).costUsd().doubleValue()).isCloseTo(bestCost, within(0.00005));
        assertThat(oracle.quality() * 100).isCloseTo(oracleAccuracy, within(0.005));
        assertThat(oracle.costUsd().doubleValue()).isCloseTo(oracleCost, within(0.00005));
    }

    static List<BenchmarkLine> read(String name) throws IOException {
        Path file = Stream.of("../shared/data/routing", "../../shared/data/routing")
                .map(dir -> Path.of(dir, name)).filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(file != null, "routing data set not found: ../shared/data/routing/" + name);
        try (InputStream in = Files.newInputStream(file)) {
            return BenchmarkReader.read(in, file.toString());
        }
    }
}
