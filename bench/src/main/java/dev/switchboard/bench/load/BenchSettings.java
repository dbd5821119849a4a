package dev.switchboard.bench.load;

import dev.switchboard.bench.stack.StackSettings;
import dev.switchboard.bench.stack.SwitchboardService;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How the executor benchmark runs.
 *
 * @param home      the project root (holds {@code executor-service/target/quarkus-app})
 * @param levels    the {@code executor.max-in-flight} values to measure, one fresh executor each
 * @param records   routed requests per level; 0 = about 30 s of work at the ideal rate, within 600..5000
 * @param latencyMs the simulated provider's latency per call
 * @param heap      the executor's heap option, as the demo runs it
 * @param report    the Markdown report to write
 * @param handover  whether to also stop an executor mid-run (SIGTERM, then SIGKILL) and let another finish
 */
record BenchSettings(Path home, List<Integer> levels, int records, long latencyMs, String heap, Path report,
                     boolean handover) {

    static final List<Integer> DEFAULT_LEVELS = List.of(64, 256, 1024);
    static final int MAX_RECORDS = 5000;

    static BenchSettings defaults(Path home) {
        return new BenchSettings(home, DEFAULT_LEVELS, 0, 2000, StackSettings.SERVICE_HEAP,
                home.resolve("docs/benchmarks.md"), true);
    }

    /** Applies {@code --levels 64,256 --records N --latency-ms N --report FILE --handover on|off}. */
    BenchSettings with(List<String> args) {
        BenchSettings s = this;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String value = i + 1 < args.size() ? args.get(++i) : "";
            s = switch (option) {
                case "--levels" -> new BenchSettings(s.home, Arrays.stream(value.split(","))
                        .map(v -> positive(option, v.strip())).toList(), s.records, s.latencyMs, s.heap, s.report,
                        s.handover);
                case "--records" -> new BenchSettings(s.home, s.levels, positive(option, value), s.latencyMs, s.heap,
                        s.report, s.handover);
                case "--latency-ms" -> new BenchSettings(s.home, s.levels, s.records, positive(option, value), s.heap,
                        s.report, s.handover);
                case "--report" -> new BenchSettings(s.home, s.levels, s.records, s.latencyMs, s.heap, Path.of(value),
                        s.handover);
                case "--handover" -> new BenchSettings(s.home, s.levels, s.records, s.latencyMs, s.heap, s.report,
                        onOff(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        }
        return s;
    }

    /** Records for a level: the fixed count, else enough for about 30 s at the ideal rate. */
    int recordsFor(int maxInFlight) {
        if (records > 0) {
            return records;
        }
        long ideal = 30_000L * maxInFlight / latencyMs;
        return (int) Math.max(600, Math.min(MAX_RECORDS, ideal));
    }

    Path executorJar() {
        return SwitchboardService.EXECUTOR.jar(home);
    }

    Path logDir() {
        return home.resolve(".switchboard/bench-executor");
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(option + " takes on or off, got '" + value + "'");
        };
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
