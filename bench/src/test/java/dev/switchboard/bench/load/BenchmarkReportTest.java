package dev.switchboard.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheClassifierSectionWhenTheExecutorRewritesTheReport() throws IOException {
        Path report = dir.resolve("benchmarks.md");
        Files.writeString(report, "# Executor throughput benchmark\nold table\n\n"
                + "# Classifier benchmark\n\n| mix | 12 ms |\n");

        assertThat(BenchmarkReport.otherBenchmarks(report)).isEqualTo("\n# Classifier benchmark\n\n| mix | 12 ms |\n");
        assertThat(BenchmarkReport.otherBenchmarks(dir.resolve("absent.md"))).isEmpty();
        Files.writeString(report, "# Executor throughput benchmark\nonly\n");
        assertThat(BenchmarkReport.otherBenchmarks(report)).isEmpty();
    }
}
