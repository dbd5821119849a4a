package dev.switchboard.bench.load;

import dev.switchboard.testsupport.KafkaBroker;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stops an executor in the middle of a run and lets a second one in the same consumer group finish: with SIGTERM
 * its requests in flight drain and are committed; with SIGKILL (a crash) whatever was not committed runs again.
 * Counts what reached {@code llm.results} and {@code llm.usage}.
 */
final class HandoverCheck {

    static final int RECORDS = 1500;
    static final int MAX_IN_FLIGHT = 256;
    static final int STOP_AFTER = 400;
    private static final Duration STALLED = Duration.ofSeconds(60);

    /** How the first executor is stopped. */
    enum Stop {
        SIGTERM, SIGKILL
    }

    /**
     * What one handover showed.
     *
     * @param inFlightAtStop  the first executor's in-flight gauge just before it was stopped
     * @param stopSeconds     SIGTERM (or SIGKILL) to exit
     * @param duplicates      results beyond one per request id: requests run twice
     * @param usageEvents     usage events seen, redeliveries included
     * @param distinctUsage   distinct usage event ids, what the idempotent ledger counts
     */
    record Outcome(Stop stop, int records, int answered, int duplicates, int usageEvents, int distinctUsage,
                   double inFlightAtStop, double stopSeconds) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.0f | %.1f |%n", stop, records,
                    answered, duplicates, usageEvents, distinctUsage, inFlightAtStop, stopSeconds);
        }
    }

    static final String HEADER = "| first executor stopped by | requests | answered | run twice | usage events | "
            + "distinct usage ids | in flight at stop | stop (s) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";

    private final BenchSettings settings;
    private final KafkaBroker broker;
    private final PrintStream out;

    HandoverCheck(BenchSettings settings, KafkaBroker broker, PrintStream out) {
        this.settings = settings;
        this.broker = broker;
        this.out = out;
    }

    Outcome run(Stop stop) throws Exception {
        String run = stop.name().toLowerCase(Locale.ROOT) + "." + Long.toString(System.currentTimeMillis(), 36);
        String topic = "bench.handover." + run;
        String prefix = "handover-" + run + "-";
        broker.createTopics(List.of(topic), Set.of());
        Map<String, String> environment = RoutedRequests.executorEnvironment(broker.bootstrapServers(),
                settings.latencyMs(), MAX_IN_FLIGHT, topic, "executor-handover-" + run);
        try (ResultWatch watch = new ResultWatch(broker.bootstrapServers(), prefix)) {
            double inFlight;
            double stopSeconds;
            try (ExecutorProcess first = launch(environment, "handover-" + stop + "-first")) {
                RoutedRequests.produce(broker.bootstrapServers(), topic, prefix, RECORDS);
                awaitAnswered(watch, STOP_AFTER);
                inFlight = MetricsSample.parse(System.currentTimeMillis(), first.metrics()).inFlight();
                long started = System.nanoTime();
                if (stop == Stop.SIGTERM) {
                    first.stop(Duration.ofSeconds(90));
                } else {
                    first.kill();
                }
                stopSeconds = (System.nanoTime() - started) / 1e9;
            }
            out.printf("  handover (%s): first executor stopped at %d answered, %.0f in flight, in %.1f s%n", stop,
                    watch.answered(), inFlight, stopSeconds);
            try (ExecutorProcess second = launch(environment, "handover-" + stop + "-second")) {
                awaitAnswered(watch, RECORDS);
                watch.poll(Duration.ofSeconds(2));
                second.stop(Duration.ofSeconds(60));
            }
            return new Outcome(stop, RECORDS, watch.answered(), watch.completedAt().size() - watch.answered(),
                    watch.usageEvents(), watch.distinctUsageEvents(), inFlight, stopSeconds);
        }
    }

    private ExecutorProcess launch(Map<String, String> environment, String name) throws InterruptedException {
        ExecutorProcess executor = ExecutorProcess.launch(settings.executorJar(), settings.heap(),
                KafkaBroker.freePort(), environment, settings.logDir().resolve("executor-" + name + ".log"));
        executor.awaitReady(Duration.ofMinutes(2));
        return executor;
    }

    private void awaitAnswered(ResultWatch watch, int target) {
        long lastProgress = System.nanoTime();
        int seen = watch.answered();
        while (watch.answered() < target && System.nanoTime() - lastProgress < STALLED.toNanos()) {
            watch.poll(Duration.ofMillis(200));
            if (watch.answered() > seen) {
                seen = watch.answered();
                lastProgress = System.nanoTime();
            }
        }
    }
}
