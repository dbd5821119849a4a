package dev.switchboard.bench.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void recordsEachProcessOnItsOwnLine() throws Exception {
        PidFile pids = new PidFile(dir.resolve("state/pids"));
        long self = ProcessHandle.current().pid();
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        pids.record(self, "launcher");
        pids.record(Long.MAX_VALUE, "ledger-service");

        assertThat(Files.readAllLines(pids.path()))
                .containsExactly(self + " " + started + " launcher", Long.MAX_VALUE + " - ledger-service");
        assertThat(pids.read()).containsExactly(new PidFile.Entry(self, started, "launcher"),
                new PidFile.Entry(Long.MAX_VALUE, null, "ledger-service"));
        assertThat(pids.alive()).extracting(PidFile.Entry::role).containsExactly("launcher");
    }

    @Test
    void stopsALiveJavaChildButNeverItsOwnJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-version").redirectErrorStream(true).start();
        Process sleeper = new ProcessBuilder(java, "-Xmx16m", Sleeper.source().toString())
                .redirectErrorStream(true).start();
        child.waitFor();
        PidFile pids = new PidFile(dir.resolve("pids"));
        pids.record(ProcessHandle.current().pid(), "launcher");
        pids.record(sleeper.pid(), "router-service");
        pids.record(child.pid(), "classifier-service");

        List<String> log = new ArrayList<>();
        int stopped = pids.stopAll(Duration.ofSeconds(10), log::add);

        assertThat(stopped).isEqualTo(1);
        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(log).singleElement().asString().contains("router-service");
    }

    @Test
    void leavesAloneAProcessThatGotARecordedPidLater() throws Exception {
        Path file = dir.resolve("pids");
        long self = ProcessHandle.current().pid();
        Files.writeString(file, self + " 2001-01-01T00:00:00Z router-service\n");

        assertThat(new PidFile(file).alive()).isEmpty();
    }

    @Test
    void readsNothingWhenThereIsNoFile() {
        assertThat(new PidFile(dir.resolve("missing")).alive()).isEmpty();
    }

    /** A single-file Java program that sleeps, for a child process to stop. */
    static final class Sleeper {
        static Path source() throws Exception {
            Path file = Files.createTempFile("Sleeper", ".java");
            Files.writeString(file, "class Sleeper { public static void main(String[] a) throws Exception "
                    + "{ Thread.sleep(60_000); } }");
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
