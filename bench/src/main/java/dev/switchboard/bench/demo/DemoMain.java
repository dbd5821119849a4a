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

              demo   start a Kafka broker, a PostgreSQL database and the five services, send the built-in
                     workload (simulated provider, no API keys), print and write the cost report
                     (.switchboard/demo-report.md and .json)
                       --latency-ms N   simulated provider latency per call (default 400)
                       --timeout-s N    how long to wait for all results (default 180)
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

    private static int demo(StackSettings settings, List<String> options) throws Exception {
        Duration timeout = Duration.ofSeconds(180);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = i + 1 < options.size() ? options.get(++i) : "";
            switch (option) {
                case "--latency-ms" -> settings = settings.withSimulatedLatencyMs(positive(option, value));
                case "--timeout-s" -> timeout = Duration.ofSeconds(positive(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new DemoRun(settings, timeout, System.out).run();
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

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value + "'");
    }
}
