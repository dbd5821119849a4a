package dev.switchboard.core.recorded;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the shared routing data set beside the project ({@code ../shared/data/routing}); tests skip without it. */
final class RoutingData {

    private RoutingData() {
    }

    /** The file, or the calling test is skipped (not failed) because the data set is not on this machine. */
    static Path require(String name) {
        Path file = Stream.of("../shared/data/routing", "../../shared/data/routing")
                .map(dir -> Path.of(dir, name))
                .filter(Files::isRegularFile)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(file != null, "routing data set not found: ../shared/data/routing/" + name);
        return file;
    }
}
