package dev.switchboard.bench.load;

import dev.switchboard.testsupport.KafkaBroker;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One level of the executor benchmark: a fresh executor with one {@code max-in-flight}, reading its own routed
 * topic, a burst of routed requests produced up front, the results watched and {@code /q/metrics} scraped.
 */
final class LoadLevel {

    private static final Duration SCRAPE_EVERY = Duration.ofMillis(500);
    private static final Duration STALLED = Duration.ofSeconds(60);

    private final BenchSettings settings;
    private final KafkaBroker broker;
    private final int maxInFlight;
    private final PrintStream out;

    LoadLevel(BenchSettings settings, KafkaBroker broker, int maxInFlight, PrintStream out) {
        this.settings = settings;
        this.broker = broker;
        this.maxInFlight = maxInFlight;
        this.out = out;
    }

    LevelResult run() throws Exception {
        int records = settings.recordsFor(maxInFlight);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String topic = "bench.routed." + maxInFlight + "." + run;
        String prefix = "bench-" + maxInFlight + "-" + run + "-";
        broker.createTopics(List.of(topic), Set.of());
        List<MetricsSample> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
        Map<String, String> environment = RoutedRequests.executorEnvironment(broker.bootstrapServers(),
                settings.latencyMs(), maxInFlight, topic, "executor-bench-" + maxInFlight);
        try (ResultWatch watch = new ResultWatch(broker.bootstrapServers(), prefix);
             ExecutorProcess executor = ExecutorProcess.launch(settings.executorJar(), settings.heap(),
                     KafkaBroker.freePort(), environment,
                     settings.logDir().resolve("executor-" + maxInFlight + ".log"))) {
            executor.awaitReady(Duration.ofMinutes(2));
            scraper.scheduleAtFixedRate(() -> samples.add(MetricsSample.parse(System.currentTimeMillis(),
                    executor.metrics())), 0, SCRAPE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            RoutedRequests.produce(broker.bootstrapServers(), topic, prefix, records);
            out.printf("  max-in-flight %d: %d routed requests produced; waiting for results%n", maxInFlight, records);
            awaitAnswers(watch, records);
            double wall = (System.nanoTime() - started) / 1e9;
            scraper.shutdownNow();
            watch.poll(Duration.ofSeconds(1));
            double shutdown = executor.stop(Duration.ofSeconds(60)).toMillis() / 1000.0;
            out.printf("  max-in-flight %d: %d/%d answered in %.1f s; executor stopped in %.1f s (log %s)%n",
                    maxInFlight, watch.answered(), records, wall, shutdown, executor.log());
            return LevelResult.measure(maxInFlight, settings.latencyMs(), records, watch.completedAt(),
                    watch.answered(), watch.usageEvents(), watch.callLatencies(), samples, shutdown);
        } finally {
            scraper.shutdownNow();
        }
    }

    /** Polls until every request is answered, the deadline passes, or nothing new arrives for a minute. */
    private void awaitAnswers(ResultWatch watch, int records) {
        double expectedSeconds = records * settings.latencyMs() / 1000.0 / maxInFlight;
        long deadline = System.nanoTime() + Duration.ofSeconds((long) (expectedSeconds * 4) + 60).toNanos();
        long lastProgress = System.nanoTime();
        int seen = 0;
        while (watch.answered() < records && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < STALLED.toNanos()) {
            watch.poll(Duration.ofMillis(200));
            if (watch.answered() > seen) {
                seen = watch.answered();
                lastProgress = System.nanoTime();
            }
        }
        if (watch.answered() < records) {
            out.printf("  max-in-flight %d: only %d of %d answered before giving up%n", maxInFlight,
                    watch.answered(), records);
        }
    }
}
