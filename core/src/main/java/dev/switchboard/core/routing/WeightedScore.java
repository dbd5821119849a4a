package dev.switchboard.core.routing;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Scores the eligible candidates of one request from 0 to 1 by a strategy's weights. Each criterion is scaled
 * across those candidates from the worst (0) to the best (1): cost and latency on a log scale, because list prices
 * span 100&times; and more and latencies from a third of a second to tens of seconds, so a linear scale would let
 * the dearest or slowest model flatten every other difference; quality (a chance or a 0..1 standing) linearly.
 */
final class WeightedScore {

    /** Costs below a billionth of a dollar count as that, so a free estimate still has a logarithm. */
    private static final double MIN_COST_USD = 1e-9;

    private WeightedScore() {
    }

    /** A candidate with its score. */
    record Scored(Candidate candidate, double score) {
    }

    /**
     * The candidates by score, best first; equal scores go to the cheaper, then the better, the faster and, last,
     * the model id, so the order never depends on the catalog's order.
     */
    static List<Scored> order(List<Candidate> eligible, StrategyWeights weights) {
        Scale cost = Scale.of(eligible, c -> Math.log(Math.max(MIN_COST_USD, c.costUsd().doubleValue())));
        Scale latency = Scale.of(eligible, c -> Math.log(Math.max(1, c.latencyMs())));
        Scale quality = Scale.of(eligible, Candidate::quality);
        return eligible.stream()
                .map(c -> new Scored(c, weights.cost() * cost.lowIsGood(c)
                        + weights.latency() * latency.lowIsGood(c)
                        + weights.quality() * quality.highIsGood(c)))
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.candidate().costUsd())
                        .thenComparing(Comparator.comparingDouble((Scored s) -> s.candidate().quality()).reversed())
                        .thenComparingLong(s -> s.candidate().latencyMs())
                        .thenComparing(s -> s.candidate().id()))
                .toList();
    }

    /** One criterion's range over the candidates; every candidate is best when they are all equal. */
    private record Scale(ToDoubleFunction<Candidate> value, double min, double max) {

        static Scale of(List<Candidate> candidates, ToDoubleFunction<Candidate> value) {
            double min = candidates.stream().mapToDouble(value).min().orElse(0);
            double max = candidates.stream().mapToDouble(value).max().orElse(0);
            return new Scale(value, min, max);
        }

        double lowIsGood(Candidate c) {
            return max > min ? (max - value.applyAsDouble(c)) / (max - min) : 1;
        }

        double highIsGood(Candidate c) {
            return max > min ? (value.applyAsDouble(c) - min) / (max - min) : 1;
        }
    }
}
