package dev.switchboard.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * What one level of the executor benchmark measured.
 *
 * @param maxInFlight     the executor's {@code executor.max-in-flight}
 * @param records         routed requests produced
 * @param results         distinct request ids answered on {@code llm.results}
 * @param duplicates      results beyond one per request id (a redelivery would show here)
 * @param usageEvents     usage events for those requests on {@code llm.usage}
 * @param steadyRps       results per second between the 10th and 90th percentile of completion times
 * @param idealRps        {@code maxInFlight / latency}: what the bound allows with zero overhead
 * @param inFlightMedian  median of the in-flight gauge over the steady window
 * @param inFlightMax     highest in-flight gauge seen
 * @param heapMedianMb    median heap used over the steady window, MiB
 * @param heapMaxMb       highest heap used seen, MiB
 * @param cpuMedian       median JVM CPU share (of all cores) over the steady window
 * @param callP50Ms       median provider-call latency the results report
 * @param callP99Ms       99th percentile of the same
 * @param shutdownSeconds time from SIGTERM to exit
 */
record LevelResult(int maxInFlight, int records, int results, int duplicates, int usageEvents, double steadyRps,
                   double idealRps, double inFlightMedian, double inFlightMax, double heapMedianMb, double heapMaxMb,
                   double cpuMedian, long callP50Ms, long callP99Ms, double shutdownSeconds) {

    private static final double MIB = 1024.0 * 1024.0;

    /** Steady-state figures from the raw observations of one level. */
    static LevelResult measure(int maxInFlight, long latencyMs, int records, List<Long> completedAtMillis,
                               int distinctResults, int usageEvents, List<Long> callLatenciesMs,
                               List<MetricsSample> samples, double shutdownSeconds) {
        long[] done = completedAtMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        double steady = 0;
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (done.length >= 10) {
            int low = done.length / 10;
            int high = (int) Math.ceil(done.length * 0.9) - 1;
            from = done[low];
            to = done[high];
            steady = to > from ? (high - low) * 1000.0 / (to - from) : 0;
        }
        long windowFrom = from;
        long windowTo = to;
        List<MetricsSample> window = samples.stream()
                .filter(s -> s.atMillis() >= windowFrom && s.atMillis() <= windowTo).toList();
        long[] calls = callLatenciesMs.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LevelResult(maxInFlight, records, distinctResults, completedAtMillis.size() - distinctResults,
                usageEvents, steady, maxInFlight * 1000.0 / latencyMs,
                median(window.stream().mapToDouble(MetricsSample::inFlight).toArray()),
                max(samples.stream().mapToDouble(MetricsSample::inFlight).toArray()),
                median(window.stream().mapToDouble(MetricsSample::heapUsedBytes).toArray()) / MIB,
                max(samples.stream().mapToDouble(MetricsSample::heapUsedBytes).toArray()) / MIB,
                median(window.stream().mapToDouble(MetricsSample::processCpu).toArray()),
                percentile(calls, 0.50), percentile(calls, 0.99), shutdownSeconds);
    }

    /** Steady throughput as a share of what the in-flight bound allows. */
    double efficiency() {
        return idealRps == 0 ? 0 : steadyRps / idealRps;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
