package dev.switchboard.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's options: each one applies on top of the others; record counts follow the ideal rate. */
class BenchSettingsTest {

    private final BenchSettings defaults = BenchSettings.defaults(Path.of("/home/sb"));

    @Test
    void appliesEveryOptionOnTopOfTheOthers() {
        BenchSettings settings = defaults.with(List.of("--levels", "16, 32", "--records", "200", "--latency-ms", "500",
                "--report", "/tmp/r.md", "--handover", "off"));

        assertThat(settings.levels()).containsExactly(16, 32);
        assertThat(settings.recordsFor(16)).isEqualTo(200);
        assertThat(settings.latencyMs()).isEqualTo(500);
        assertThat(settings.report()).isEqualTo(Path.of("/tmp/r.md"));
        assertThat(settings.handover()).isFalse();
        assertThat(defaults.handover()).isTrue();
        assertThat(settings.executorJar())
                .isEqualTo(Path.of("/home/sb/executor-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void sizesEachLevelToAboutThirtySecondsOfWorkWithinBounds() {
        assertThat(defaults.levels()).containsExactly(64, 256, 1024);
        assertThat(defaults.recordsFor(64)).isEqualTo(960);
        assertThat(defaults.recordsFor(256)).isEqualTo(3840);
        assertThat(defaults.recordsFor(1024)).isEqualTo(BenchSettings.MAX_RECORDS);
        assertThat(defaults.recordsFor(4)).isEqualTo(600);
    }

    @Test
    void rejectsAnUnknownOptionOrANonPositiveNumber() {
        assertThatThrownBy(() -> defaults.with(List.of("--fast"))).hasMessageContaining("--fast");
        assertThatThrownBy(() -> defaults.with(List.of("--records", "0"))).hasMessageContaining("--records");
        assertThatThrownBy(() -> defaults.with(List.of("--handover", "maybe"))).hasMessageContaining("on or off");
    }
}
