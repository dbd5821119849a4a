package dev.switchboard.bench.demo;

import dev.switchboard.bench.stack.LedgerDatabase;
import dev.switchboard.bench.stack.LocalStack;
import dev.switchboard.bench.stack.PidFile;
import dev.switchboard.bench.stack.StackSettings;
import dev.switchboard.bench.stack.SwitchboardService;
import dev.switchboard.bench.stack.TopicTail;
import dev.switchboard.core.Topics;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.core.recorded.ScoreComparison;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One demo: start the stack, send the built-in workload (simulated answers) or recorded benchmark prompts (replayed
 * answers), wait for every result, report what it cost and, for recorded prompts, how good the answers were.
 */
final class DemoRun {

    /** Once every result is in, how long to keep listening for duplicates and alerts. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** How long to wait beyond {@link #SETTLE} for a first alert, when none has come yet. */
    private static final Duration ALERT_WAIT = Duration.ofSeconds(15);
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);
    public static final String DATABASE = "switchboard_demo";
    /** Where a recorded run's converted catalog is written, under the state directory. */
    static final String CATALOG_FILE = "replay-catalog.json";

    private final StackSettings settings;
    private final Duration resultsTimeout;
    private final PrintStream out;
    private final RecordedWorkload recorded;

    /** @param recorded the recorded prompts to send instead of the built-in workload; null for the built-in one */
    DemoRun(StackSettings settings, Duration resultsTimeout, PrintStream out, RecordedWorkload recorded) {
        this.settings = recorded == null ? settings : settings.withReplay(new StackSettings.Replay(
                settings.stateDir().resolve(CATALOG_FILE), recorded.files()));
        this.resultsTimeout = resultsTimeout;
        this.out = out;
        this.recorded = recorded;
    }

    /**
     * Runs the demo. Exit code 0: every request got exactly one result and the ledger agrees; 1: not so; 2: it
     * could not start.
     */
    int run() throws IOException {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        List<LlmRequest> workload = recorded == null ? Workload.builtIn() : recorded.requests();
        List<String> ids = workload.stream().map(LlmRequest::id).toList();
        out.println("Switchboard demo: " + workload.size() + " requests. " + providerLine());
        List<SwitchboardService> missing = LocalStack.missingJars(settings.home());
        if (!missing.isEmpty()) {
            out.println("Not built: " + missing + ". Build first: ./mvnw -DskipTests package (./switchboard demo does).");
            return 2;
        }
        List<PidFile.Entry> running = new PidFile(settings.pidFile()).alive();
        if (!running.isEmpty()) {
            out.println("A stack from an earlier run is still running: " + running.stream()
                    .map(e -> e.role() + " (pid " + e.pid() + ")").collect(Collectors.joining(", "))
                    + ". Stop it with ./switchboard down");
            return 2;
        }
        ModelCatalog catalog = recorded == null ? ModelCatalog.builtIn() : writeCatalog();
        LedgerDatabase database = LedgerDatabase.forDemo(DATABASE, out::println);
        try (LocalStack stack = LocalStack.start(settings, database, out::println)) {
            long t1 = System.nanoTime();
            ResultCollector collector = new ResultCollector(ids);
            try (TopicTail tail = new TopicTail(stack.bootstrapServers(), List.of(Topics.RESULTS, Topics.ALERTS))) {
                RequestSender.sendAll(stack.bootstrapServers(), workload);
                out.println("Sent " + workload.size() + " requests to " + Topics.REQUESTS + "; waiting for "
                        + Topics.RESULTS + " (up to " + resultsTimeout.toSeconds() + " s)");
                awaitResults(tail, collector);
                settle(tail, collector);
            }
            LedgerCheck ledger = awaitLedger(stack, ids, collector);
            long t2 = System.nanoTime();
            CostReport report = CostReport.of(ids, collector.results(), collector.alerts(), ledger.spend());
            RunFacts facts = new RunFacts(startedAt, seconds(t2 - t0), seconds(t1 - t0), seconds(t2 - t1),
                    recorded == null ? "simulated" : "replay", settings.simulatedLatencyMs(),
                    settings.costPerHourThresholdUsd(), catalog.strongest().id(), database.description(),
                    settings.logDir().toString(), ledger.note(), recordedData());
            write(report, facts, recorded == null ? null : recorded.compare(collector.results()));
            if (!report.missingIds().isEmpty()) {
                out.println("No result for " + report.missingIds().size() + " request(s): "
                        + String.join(", ", report.missingIds()) + ". See the logs in " + settings.logDir());
            }
            out.println("Stopping the stack.");
            return report.missingIds().isEmpty() && report.duplicateResults() == 0 && report.ledgerAgrees() ? 0 : 1;
        }
    }

    private void awaitResults(TopicTail tail, ResultCollector collector) {
        Progress progress = new Progress(out, collector);
        long deadline = System.nanoTime() + resultsTimeout.toNanos();
        while (!collector.complete() && System.nanoTime() < deadline) {
            tail.poll(Duration.ofMillis(500)).forEach(collector::accept);
            progress.show(false);
        }
        progress.show(true);
    }

    private void settle(TopicTail tail, ResultCollector collector) {
        long settleEnd = System.nanoTime() + SETTLE.toNanos();
        long alertEnd = settleEnd + ALERT_WAIT.toNanos();
        while (System.nanoTime() < settleEnd || (collector.alerts().isEmpty() && System.nanoTime() < alertEnd)) {
            tail.poll(Duration.ofMillis(500)).forEach(collector::accept);
        }
    }

    /** The ledger's spend and, when it does not agree with the results, why. */
    private record LedgerCheck(Map<String, BigDecimal> spend, String note) {
    }

    private LedgerCheck awaitLedger(LocalStack stack, List<String> ids, ResultCollector collector) {
        LedgerSpendClient ledger = new LedgerSpendClient(stack.baseUri(SwitchboardService.LEDGER));
        long deadline = System.nanoTime() + LEDGER_WAIT.toNanos();
        Map<String, BigDecimal> spend = Map.of();
        String problem = null;
        while (true) {
            try {
                spend = ledger.spendByTenant();
                problem = null;
                if (CostReport.of(ids, collector.results(), List.of(), spend).ledgerAgrees()) {
                    return new LedgerCheck(spend, null);
                }
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                String why = problem != null ? "GET /spend?groupBy=tenant failed: " + problem
                        : "its spend did not match the results within " + LEDGER_WAIT.toSeconds() + " s";
                return new LedgerCheck(spend, why + " (log: " + stack.log(SwitchboardService.LEDGER) + ")");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LedgerCheck(spend, "interrupted");
            }
        }
    }

    private String providerLine() {
        if (recorded == null) {
            return "Provider: simulated (no API keys used, no real model called; answers and latencies are synthetic).";
        }
        return "Provider: replay (no API keys used, no model called now): recorded answers, tokens and costs of the "
                + recorded.catalog().size() + " models of " + recorded.modelsFile().getFileName() + " from "
                + recordedData() + ".";
    }

    /** The recorded run's catalog, written where every service reads it ({@code SWITCHBOARD_CATALOG_PATH}). */
    private ModelCatalog writeCatalog() throws IOException {
        Path file = settings.replay().catalogFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, RecordedCatalog.toCatalogFile(recorded.catalog(), "The models of "
                + recorded.modelsFile() + " for ./switchboard demo --data " + recordedData()));
        out.println("Catalog: " + recorded.catalog().size() + " models converted from " + recorded.modelsFile()
                + " to " + file + " (" + RecordedCatalog.explanation() + ")");
        return recorded.modelCatalog();
    }

    private String recordedData() {
        return recorded == null ? null : String.join(", ", recorded.files().stream().map(Path::toString).toList());
    }

    private void write(CostReport report, RunFacts facts, ScoreComparison quality) throws IOException {
        Files.createDirectories(settings.stateDir());
        Path markdown = settings.stateDir().resolve("demo-report.md");
        Path json = settings.stateDir().resolve("demo-report.json");
        String text = ReportRenderer.markdown(report, facts, quality);
        Files.writeString(markdown, text);
        Files.writeString(json, ReportRenderer.json(report, facts, quality));
        out.println();
        out.println(text);
        out.println("Report written to " + markdown + " and " + json);
    }

    private static BigDecimal seconds(long nanos) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(1_000_000_000L), 1, RoundingMode.HALF_UP);
    }

    /** The "results 143/212" line: redrawn in place on a terminal, printed every few seconds otherwise. */
    private static final class Progress {
        private final PrintStream out;
        private final ResultCollector collector;
        private final boolean terminal = System.console() != null;
        private final long started = System.nanoTime();
        private long lastPrinted;

        Progress(PrintStream out, ResultCollector collector) {
            this.out = out;
            this.collector = collector;
        }

        void show(boolean last) {
            long now = System.nanoTime();
            String line = String.format("results %d/%d  (ok %d, rejected %d, failed %d)  %.0f s",
                    collector.answered(), collector.expected(), collector.count(ResultStatus.OK),
                    collector.count(ResultStatus.REJECTED), collector.count(ResultStatus.FAILED),
                    (now - started) / 1e9);
            if (terminal) {
                out.print("\r" + line + (last ? "\n" : ""));
                out.flush();
            } else if (last || now - lastPrinted > 5_000_000_000L) {
                out.println(line);
                lastPrinted = now;
            }
        }
    }
}
