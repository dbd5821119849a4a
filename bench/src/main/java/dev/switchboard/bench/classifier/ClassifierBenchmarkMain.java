package dev.switchboard.bench.classifier;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./switchboard bench-classifier}: runs {@link ClassifierBenchmark} with JMH (sample time: every call timed)
 * and prints mean and percentiles per prompt kind and thread count, as a Markdown table.
 */
public final class ClassifierBenchmarkMain {

    static final String USAGE = """
            usage: ./switchboard bench-classifier [options]
              --prompts LIST     mix,short,medium,long (default all four)
              --threads LIST     ONNX Runtime threads per embedding (default 1,2)
              --model LIST       minilm, bge-small (default minilm)
              --tokens LIST      tokens read from the end of a prompt (default 64)
              --data DIR         the recorded routing data (default ../shared/data/routing)
              --router FILE      predict with this trained router (e.g. the classifier's shipped one) and carry
                                 its chances over to the built-in catalog, instead of training on RouteLLM
            Each combination: one forked JVM, 4 x 3 s warm-up, 5 x 4 s measured.
            """;

    private ClassifierBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().include(ClassifierBenchmark.class.getName() + ".classify");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--prompts" -> options.param("prompts", value.split(","));
                case "--threads" -> options.param("threads", value.split(","));
                case "--model" -> options.param("model", value.split(","));
                case "--tokens" -> options.param("tokens", value.split(","));
                case "--data" -> options.param("data", value);
                case "--router" -> options.param("router", value);
                default -> {
                    System.err.print("switchboard bench-classifier: unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        if (args.length % 2 != 0) {
            System.err.print("switchboard bench-classifier: " + args[args.length - 1] + " needs a value\n" + USAGE);
            System.exit(2);
        }
        double[] loadBefore = load();
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(table(results));
        System.out.printf(Locale.ROOT, "%d cores; load average (1, 5, 15 min) before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), Arrays.toString(loadBefore), Arrays.toString(load()));
    }

    static String table(Collection<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getParam("prompts"))
                .thenComparing(r -> r.getParams().getParam("model"))
                .thenComparing(r -> Integer.parseInt(r.getParams().getParam("tokens")))
                .thenComparing(r -> r.getParams().getParam("threads")));
        StringBuilder out = new StringBuilder("| prompts | embedder | threads | calls | mean ms | p50 | p90 | p99 "
                + "| p99.9 | max |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : sorted) {
            Statistics s = r.getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "| %s | %s/last-%s | %s | %d | **%.2f** | %.2f | %.2f | %.2f | %.2f "
                            + "| %.2f |%n", r.getParams().getParam("prompts"), r.getParams().getParam("model"),
                    r.getParams().getParam("tokens"), r.getParams().getParam("threads"), s.getN(), s.getMean(),
                    s.getPercentile(50), s.getPercentile(90), s.getPercentile(99), s.getPercentile(99.9),
                    s.getMax()));
        }
        return out.toString();
    }

    private static double[] load() {
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2])};
        } catch (java.io.IOException | RuntimeException e) {
            return new double[]{one};
        }
    }
}
