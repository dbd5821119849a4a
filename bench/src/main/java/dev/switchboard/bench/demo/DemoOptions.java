package dev.switchboard.bench.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code ./switchboard demo}.
 *
 * @param latencyMs the provider's delay per call (simulated or replay); null for the default
 * @param timeout   how long to wait for all results
 * @param data      benchmark files whose prompts and recorded answers replace the built-in workload; empty for it
 * @param models    the models file of the benchmark; null for {@code <source>.models.json} beside the first file
 * @param limit     how many recorded prompts to send; null for all
 */
public record DemoOptions(Integer latencyMs, Duration timeout, List<Path> data, Path models, Integer limit) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    public DemoOptions {
        data = List.copyOf(data);
    }

    /** True when the demo replays recorded answers rather than simulating them. */
    public boolean recorded() {
        return !data.isEmpty();
    }

    /**
     * Parses the options after {@code demo}.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or has a bad one
     */
    public static DemoOptions parse(List<String> options) {
        Integer latency = null;
        Duration timeout = DEFAULT_TIMEOUT;
        List<Path> data = new ArrayList<>();
        Path models = null;
        Integer limit = RecordedWorkload.DEFAULT_LIMIT;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = i + 1 < options.size() ? options.get(++i) : "";
            switch (option) {
                case "--latency-ms" -> latency = whole(option, value, 0);
                case "--timeout-s" -> timeout = Duration.ofSeconds(whole(option, value, 1));
                case "--data" -> data.add(Path.of(path(option, value)));
                case "--models" -> models = Path.of(path(option, value));
                case "--limit" -> limit = "all".equals(value) ? null : whole(option, value, 1);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + DemoMain.USAGE);
            }
        }
        if (data.isEmpty() && models != null) {
            throw new IllegalArgumentException("--models applies to recorded data only; give --data FILE too");
        }
        return new DemoOptions(latency, timeout, data, models, limit);
    }

    private static String path(String option, String value) {
        if (value.isBlank() || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a file path");
        }
        return value;
    }

    private static int whole(String option, String value, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " needs a whole number of at least " + min + ", got '" + value
                + "'");
    }
}
