package dev.switchboard.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reading the executor's Prometheus scrape: the in-flight gauge, heap summed over pools, process CPU. */
class MetricsSampleTest {

    private static final String SCRAPE = """
            # HELP switchboard_executor_in_flight Requests started and not yet published
            # TYPE switchboard_executor_in_flight gauge
            switchboard_executor_in_flight 256.0
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            process_cpu_usage 0.4375
            switchboard_executor_in_flight_extra 9.0
            """;

    @Test
    void readsInFlightHeapAndCpuFromAScrape() {
        MetricsSample sample = MetricsSample.parse(42L, SCRAPE);

        assertThat(sample.atMillis()).isEqualTo(42L);
        assertThat(sample.inFlight()).isEqualTo(256.0);
        assertThat(sample.heapUsedBytes()).isCloseTo(3.145728E7, within(1.0));
        assertThat(sample.processCpu()).isEqualTo(0.4375);
    }

    @Test
    void aFailedScrapeReadsAsMissingValues() {
        MetricsSample sample = MetricsSample.parse(1L, "");

        assertThat(sample.inFlight()).isNaN();
        assertThat(sample.heapUsedBytes()).isNaN();
    }
}
