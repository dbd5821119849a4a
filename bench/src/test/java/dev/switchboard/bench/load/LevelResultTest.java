package dev.switchboard.bench.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's arithmetic: steady throughput without ramp and tail, windowed gauges, percentiles. */
class LevelResultTest {

    @Test
    void measuresSteadyThroughputBetweenTheTenthAndNinetiethPercentileOfCompletions() {
        // 100 results: a slow ramp (first 10 over 10 s), then one every 100 ms, then a slow tail
        List<Long> done = new ArrayList<>();
        LongStream.range(0, 10).forEach(i -> done.add(i * 1000));
        LongStream.range(0, 80).forEach(i -> done.add(10_000 + i * 100));
        LongStream.range(0, 10).forEach(i -> done.add(20_000 + i * 1000));
        List<MetricsSample> samples = List.of(
                new MetricsSample(5_000, 3, 100 * 1024 * 1024, 0.1),
                new MetricsSample(12_000, 20, 40 * 1024 * 1024, 0.5),
                new MetricsSample(14_000, 20, 60 * 1024 * 1024, 0.7));

        LevelResult result = LevelResult.measure(20, 2000, 100, done, 100, 100, List.of(2000L, 2001L, 2050L),
                samples, 1.5);

        // from the 11th completion (10 000 ms) to the 90th (17 900 ms): 79 more results in 7.9 s
        assertThat(result.steadyRps()).isCloseTo(10.0, within(0.001));
        assertThat(result.idealRps()).isEqualTo(10.0);
        assertThat(result.inFlightMedian()).isEqualTo(20.0);
        assertThat(result.inFlightMax()).isEqualTo(20.0);
        assertThat(result.heapMedianMb()).isEqualTo(50.0);
        assertThat(result.heapMaxMb()).isEqualTo(100.0);
        assertThat(result.callP50Ms()).isEqualTo(2001L);
        assertThat(result.callP99Ms()).isEqualTo(2050L);
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void countsResultsBeyondOnePerRequestAsDuplicates() {
        List<Long> done = List.of(1L, 2L, 3L);

        LevelResult result = LevelResult.measure(4, 2000, 2, done, 2, 2, List.of(), List.of(), 0);

        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.callP50Ms()).isEqualTo(-1);
    }
}
