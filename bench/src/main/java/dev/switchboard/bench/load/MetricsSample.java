package dev.switchboard.bench.load;

/**
 * What one scrape of the executor's {@code /q/metrics} said.
 *
 * @param atMillis      when it was taken (epoch milliseconds)
 * @param inFlight      {@code switchboard_executor_in_flight}: requests started and not yet published
 * @param heapUsedBytes {@code jvm_memory_used_bytes} summed over the heap pools
 * @param processCpu    {@code process_cpu_usage}: the JVM's share of all cores, 0..1
 */
record MetricsSample(long atMillis, double inFlight, double heapUsedBytes, double processCpu) {

    /** Parses a Prometheus text scrape; a value that is missing reads as {@code NaN}. */
    static MetricsSample parse(long atMillis, String text) {
        double inFlight = Double.NaN;
        double heap = Double.NaN;
        double cpu = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String name = name(line);
            switch (name) {
                case "switchboard_executor_in_flight" -> inFlight = value(line);
                case "process_cpu_usage" -> cpu = value(line);
                case "jvm_memory_used_bytes" -> {
                    if (line.contains("area=\"heap\"")) {
                        heap = (Double.isNaN(heap) ? 0 : heap) + value(line);
                    }
                }
                default -> {
                }
            }
        }
        return new MetricsSample(atMillis, inFlight, heap, cpu);
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    /** The sample value: the first field after the labels (a timestamp may follow it). */
    private static double value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String rest = line.substring(labelsEnd < 0 ? name(line).length() : labelsEnd + 1).strip();
        int space = rest.indexOf(' ');
        try {
            return Double.parseDouble(space < 0 ? rest : rest.substring(0, space));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
