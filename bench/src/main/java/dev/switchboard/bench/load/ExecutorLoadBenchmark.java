package dev.switchboard.bench.load;

import dev.switchboard.bench.stack.StackSettings;
import dev.switchboard.core.Topics;
import dev.switchboard.testsupport.KafkaBroker;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./switchboard bench-executor}: one executor instance against a simulated provider with 2 s calls, at
 * several {@code executor.max-in-flight} bounds; prints requests per second, in-flight calls and heap per bound and
 * writes {@code docs/benchmarks.md}.
 */
public final class ExecutorLoadBenchmark {

    static final String USAGE = """
            usage: ./switchboard bench-executor [--levels 64,256,1024] [--records N] [--latency-ms 2000] [--report FILE]
                                                [--handover on|off]

              Starts a Kafka broker in this JVM and, per level, one packaged executor (simulated provider, the given
              latency, EXECUTOR_MAX_IN_FLIGHT=level); produces the level's routed requests (default: about 30 s of
              work, 600..5000), measures the steady results per second, the in-flight gauge and the heap, and writes
              the report (default docs/benchmarks.md). Then (unless --handover off) stops an executor mid-run with
              SIGTERM and, separately, SIGKILL, lets a second one finish, and counts requests run twice.
            """;

    private ExecutorLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.defaults(StackSettings.findHome()).with(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench-executor: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(settings.executorJar())) {
            System.err.println("bench-executor: " + settings.executorJar() + " is missing; run ./mvnw -DskipTests "
                    + "package first");
            System.exit(1);
        }
        Files.createDirectories(settings.logDir());
        String loadAtStart = BenchmarkReport.loadAverage();
        List<LevelResult> results = new ArrayList<>();
        List<HandoverCheck.Outcome> handovers = new ArrayList<>();
        System.out.println("Kafka: starting a KRaft broker in this JVM");
        try (KafkaBroker broker = KafkaBroker.startEmbedded(KafkaBroker.freePort())) {
            broker.createTopics(Topics.ALL, Set.of(Topics.BUDGET_STATE));
            for (int level : settings.levels()) {
                results.add(new LoadLevel(settings, broker, level, System.out).run());
            }
            if (settings.handover()) {
                HandoverCheck check = new HandoverCheck(settings, broker, System.out);
                for (HandoverCheck.Stop stop : HandoverCheck.Stop.values()) {
                    handovers.add(check.run(stop));
                }
            }
        }
        System.out.println();
        System.out.print(BenchmarkReport.table(results));
        if (!handovers.isEmpty()) {
            System.out.println();
            System.out.print(BenchmarkReport.handoverTable(handovers));
        }
        BenchmarkReport.write(settings, results, handovers, loadAtStart);
        System.out.println("\nReport written to " + settings.report());
        System.exit(0);
    }
}
