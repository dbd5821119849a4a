package dev.switchboard.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Renders the executor benchmark's levels as a console table and as {@code docs/benchmarks.md}. */
final class BenchmarkReport {

    /** Where the sections of other benchmarks start in the report file: everything from there on is kept. */
    static final String OTHER_BENCHMARKS = "# Classifier benchmark";

    private static final String HEADER = "| max-in-flight | requests | answered | dup | usage events "
            + "| steady req/s | ideal req/s | efficiency | in-flight median / max | heap median / max (MiB) | JVM CPU "
            + "| call p50 / p99 (ms) | stop (s) |";
    private static final String RULE = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private BenchmarkReport() {
    }

    /** The results as a Markdown table (also readable on a console). */
    static String table(List<LevelResult> levels) {
        StringBuilder table = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
        for (LevelResult r : levels) {
            table.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f | %.1f | %.0f%% | %.0f / %.0f "
                            + "| %.0f / %.0f | %.0f%% | %d / %d | %.1f |%n",
                    r.maxInFlight(), r.records(), r.results(), r.duplicates(), r.usageEvents(), r.steadyRps(),
                    r.idealRps(), r.efficiency() * 100, r.inFlightMedian(), r.inFlightMax(), r.heapMedianMb(),
                    r.heapMaxMb(), r.cpuMedian() * 100, r.callP50Ms(), r.callP99Ms(), r.shutdownSeconds()));
        }
        return table.toString();
    }

    /** The handover checks as a Markdown table. */
    static String handoverTable(List<HandoverCheck.Outcome> outcomes) {
        StringBuilder table = new StringBuilder(HandoverCheck.HEADER);
        outcomes.forEach(outcome -> table.append(outcome.row()));
        return table.toString();
    }

    /**
     * Writes the report.
     *
     * @param loadAtStart the host's load averages when the run began, since other work on it skews the numbers
     */
    static void write(BenchSettings settings, List<LevelResult> levels, List<HandoverCheck.Outcome> handovers,
                      String loadAtStart) throws IOException {
        String text = """
                # Executor throughput benchmark

                How many provider calls one executor instance keeps in flight, the requests per second it sustains,
                and its heap, against a simulated provider that takes %d ms per call. The executor is the packaged
                service (`executor-service/target/quarkus-app/quarkus-run.jar`, `%s`), one process per level; the
                broker is the in-JVM KRaft broker of `test-support`, on loopback.

                Run it (after `./mvnw -DskipTests package`):

                ```
                ./switchboard bench-executor [--levels 64,256,1024] [--records N] [--latency-ms 2000]
                                             [--report FILE] [--handover on|off]
                ```

                or `java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \\
                dev.switchboard.bench.load.ExecutorLoadBenchmark`. Each level starts a fresh executor with
                `EXECUTOR_MAX_IN_FLIGHT=N` and `EXECUTOR_SIMULATED_LATENCY_MS=%d` reading its own routed topic (3
                partitions), produces all its routed requests up front (so the executor always has work), watches
                `llm.results` and `llm.usage`, scrapes `/q/metrics` every 0.5 s, then stops the executor with SIGTERM
                (graceful shutdown). Logs: `.switchboard/bench-executor/`.

                ## Results (%s)

                Machine: %s. Load averages (1, 5, 15 min) at the start: %s; at the end: %s.

                %s
                - *steady req/s*: results per second between the 10th and 90th percentile of result timestamps
                  (ramp-up and tail left out); *ideal* is max-in-flight / latency, what the bound allows with no
                  overhead; *efficiency* is their ratio.
                - *in-flight*: the `switchboard_executor_in_flight` gauge (requests started, not yet published and
                  acked), median over the steady window and maximum; it never exceeds max-in-flight.
                - *heap*: `jvm_memory_used_bytes{area="heap"}` summed over pools (garbage included, so the maximum
                  follows the collector more than the load); the process runs with `%s`.
                - *JVM CPU*: `process_cpu_usage`, the executor's share of all cores, median over the steady window.
                - *call p50 / p99*: the provider-call latency the results report (`latency_ms`), simulated latency
                  plus scheduling delay inside the executor.
                - *dup*: results beyond one per request id; *usage events*: one per provider call is expected.
                - *stop*: SIGTERM to exit, including the drain of requests in flight (`executor.shutdown.drain-timeout`)
                  and the connector's final commit.

                Throughput scales with max-in-flight while the executor has CPU to spare: with 2 s calls a request
                holds no thread, only a slot, so the bound (not threads) sets the rate. Where efficiency drops, the
                executor (JSON, token counting, Kafka I/O) has run out of CPU on this machine, shared with the broker
                and this benchmark; that is the point to add instances (the consumer group scales out by partition).
                The numbers are one run on a small shared machine: compare levels with each other, not with
                production hardware.
                %s""".formatted(settings.latencyMs(), settings.heap(), settings.latencyMs(), LocalDate.now(),
                machine(), loadAtStart, loadAverage(), table(levels), settings.heap(), handovers.isEmpty() ? "" : handoverSection(handovers));
        Files.createDirectories(settings.report().toAbsolutePath().getParent());
        Files.writeString(settings.report(), text + otherBenchmarks(settings.report()), StandardCharsets.UTF_8);
    }

    /** Sections of other benchmarks already in the file (the classifier's, written by hand), kept as they are. */
    static String otherBenchmarks(Path report) throws IOException {
        if (!Files.isRegularFile(report)) {
            return "";
        }
        String old = Files.readString(report, StandardCharsets.UTF_8);
        int start = old.indexOf("\n" + OTHER_BENCHMARKS);
        return start < 0 ? "" : "\n" + old.substring(start + 1);
    }

    private static String handoverSection(List<HandoverCheck.Outcome> outcomes) {
        return """

                ## Handover: stopping an executor mid-run

                %d routed requests, one executor (max-in-flight %d) stopped once %d are answered, then a second
                executor in the same consumer group finishes the rest (see `docs/delivery.md`).

                %s
                - *SIGTERM* is a graceful shutdown: the executor takes no new record, its requests in flight finish,
                  publish and are acked within `executor.shutdown.drain-timeout`, and the connector commits them, so
                  the second executor starts exactly after them: nothing runs twice.
                - *SIGKILL* is a crash. Records whose result got out but whose offset was not yet committed (about one
                  `auto.commit.interval.ms`, 1 s, of work) are delivered again and answered twice: *run twice*.
                  Their second results repeat the same request id and attempt, and their usage events the same event
                  ids, so *distinct usage ids* (what the ledger, which stores usage by event id, counts) stays one
                  per request. The requests whose calls were in flight at the kill run again too, without a
                  duplicate: their first call never produced a result or a usage event, although a real provider
                  would have billed it.
                """.formatted(HandoverCheck.RECORDS, HandoverCheck.MAX_IN_FLIGHT, HandoverCheck.STOP_AFTER,
                handoverTable(outcomes));
    }

    /** Cores, CPU model, memory, OS and Java of this machine, as far as they can be read. */
    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = cpuModel();
        long memoryMb = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memoryMb = os.getTotalMemorySize() / (1024 * 1024);
        }
        return String.format(Locale.ROOT, "%d cores available to the JVM (shared with the broker, this benchmark "
                        + "and other work on the host)%s, %s MiB RAM, %s %s, Java %s", cores,
                cpu.isEmpty() ? "" : ", " + cpu, memoryMb < 0 ? "?" : String.valueOf(memoryMb),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The host's 1, 5 and 15 minute load averages, or {@code ?} where they cannot be read. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
