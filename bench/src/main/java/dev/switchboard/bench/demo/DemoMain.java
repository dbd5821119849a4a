package dev.switchboard.bench.demo;

import dev.switchboard.bench.stack.PidFile;
import dev.switchboard.bench.stack.StackSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The {@code switchboard} command line: {@code demo} runs the one-command demo, {@code down} stops a stuck stack. */
public final class DemoMain {

    static final String USAGE = """
            usage: ./switchboard <command> [options]

              demo   start a Kafka broker, a PostgreSQL database and the five services, send a workload, print and
                     write the cost report (.switchboard/demo-report.md and .json). No API keys are used.
                       --latency-ms N     provider latency per call (default 400)
                       --timeout-s N      how long to wait for all results (default 180)
                     Built-in workload (default): varied prompts, answered by the simulated provider.
                     Recorded workload: prompts of benchmark files (format: ../shared/data/routing/README.md),
                     answered by the replay provider with each chosen model's recorded answer, tokens and cost;
                     the report adds the recorded quality next to the best single model's.
                       --data FILE        a benchmark .jsonl file (repeat for more files of the same source)
                       --models FILE      its models file (default: <source>.models.json next to the first FILE)
                       --limit N|all      prompts to send, spread over the files (default 200)
              down   stop what a demo left running (processes listed in .switchboard/pids)

            environment: SWITCHBOARD_DB_URL, SWITCHBOARD_DB_USER, SWITCHBOARD_DB_PASSWORD (the PostgreSQL server
            for the ledger; default jdbc:postgresql://127.0.0.1:5432/postgres as postgres, else an embedded one),
            SWITCHBOARD_STATE_DIR (default .switchboard)
            """;

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        // the embedded broker logs through jboss-logging; send it to slf4j-simple, which keeps to warnings
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String command = args.length == 0 ? "" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Path home = StackSettings.findHome();
        StackSettings settings = StackSettings.demo(home, stateDir(home));
        int exit;
        try {
            exit = switch (command) {
                case "demo" -> demo(settings, options);
                case "down" -> down(settings);
                default -> {
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("switchboard " + command + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static int demo(StackSettings settings, List<String> args) throws Exception {
        DemoOptions options = DemoOptions.parse(args);
        if (options.latencyMs() != null) {
            settings = settings.withSimulatedLatencyMs(options.latencyMs());
        }
        RecordedWorkload recorded = options.recorded()
                ? RecordedWorkload.load(options.data(), options.models(), options.limit()) : null;
        return new DemoRun(settings, options.timeout(), System.out, recorded).run();
    }

    private static int down(StackSettings settings) {
        PidFile pids = new PidFile(settings.pidFile());
        int stopped = pids.stopAll(Duration.ofSeconds(10), System.out::println);
        pids.delete();
        System.out.println(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + " process(es).");
        return 0;
    }

    private static Path stateDir(Path home) {
        String configured = System.getenv("SWITCHBOARD_STATE_DIR");
        return configured == null || configured.isBlank() ? home.resolve(".switchboard") : Path.of(configured);
    }
}
