package dev.switchboard.bench.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {

    @Test
    void defaultsToTheBuiltInWorkload() {
        DemoOptions options = DemoOptions.parse(List.of());

        assertThat(options.recorded()).isFalse();
        assertThat(options.latencyMs()).isNull();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.limit()).isEqualTo(200);
    }

    @Test
    void readsRepeatedDataFilesAModelsFileAndALimit() {
        DemoOptions options = DemoOptions.parse(List.of("--data", "a.jsonl", "--latency-ms", "0", "--data",
                "b.jsonl", "--models", "m.json", "--limit", "50", "--timeout-s", "60"));

        assertThat(options.recorded()).isTrue();
        assertThat(options.data()).containsExactly(Path.of("a.jsonl"), Path.of("b.jsonl"));
        assertThat(options.models()).isEqualTo(Path.of("m.json"));
        assertThat(options.limit()).isEqualTo(50);
        assertThat(options.latencyMs()).isZero();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(DemoOptions.parse(List.of("--data", "a.jsonl", "--limit", "all")).limit()).isNull();
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--data"))).hasMessageContaining("--data needs a file");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--data", "--limit", "5")))
                .hasMessageContaining("--data needs a file");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--data", "a", "--limit", "0")))
                .hasMessageContaining("--limit needs a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--models", "m.json")))
                .hasMessageContaining("give --data FILE too");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--speed", "1"))).hasMessageContaining("unknown option --speed");
    }
}
