package dev.switchboard.core.routing;

import dev.switchboard.core.event.RoutingWeights;
import dev.switchboard.core.event.Strategy;

import java.util.Locale;

/**
 * How much cost, latency and quality count in the router's score, scaled to sum to 1.
 *
 * <p>Defaults per strategy:
 * <ul>
 *   <li>{@code cost} (1, 0, 0): the cheapest model that reaches the quality target, the threshold rule that the
 *       offline evaluator's threshold policy measures, decided by the same function ({@link QualityTarget#pick});</li>
 *   <li>{@code speed} (0, 1, 0) and {@code quality} (0, 0, 1): the fastest model that reaches the target, and the
 *       best one. A named strategy does what its name says and nothing a caller has to guess; exact ties go to
 *       the cheaper model;</li>
 *   <li>{@code balanced} (0.5, 0.2, 0.3), the default strategy: money first, since the quality target already
 *       keeps answers acceptable; quality above the target still buys something and latency a little. On the
 *       built-in catalog it sends low work to gemini-2.0-flash as {@code cost} does, medium work to
 *       gemini-2.5-flash (0.84 for 1.5&times; the price of gpt-4.1-mini at 0.78) and high work to gpt-4.1,
 *       taking gemini-2.5-pro (0.95) only for long answers, where it costs 1.2&times; as much.</li>
 * </ul>
 * A caller blends their own with {@code hints.weights}.
 */
public record StrategyWeights(double cost, double latency, double quality) {

    public static final StrategyWeights COST = new StrategyWeights(1, 0, 0);
    public static final StrategyWeights SPEED = new StrategyWeights(0, 1, 0);
    public static final StrategyWeights QUALITY = new StrategyWeights(0, 0, 1);
    public static final StrategyWeights BALANCED = new StrategyWeights(0.5, 0.2, 0.3);

    public StrategyWeights {
        double sum = cost + latency + quality;
        if (!(cost >= 0 && latency >= 0 && quality >= 0) || !(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("weights must be non-negative, finite and not all zero: cost " + cost
                    + ", latency " + latency + ", quality " + quality);
        }
        cost /= sum;
        latency /= sum;
        quality /= sum;
    }

    /** The strategy's defaults. */
    public static StrategyWeights of(Strategy strategy) {
        return switch (strategy) {
            case COST -> COST;
            case SPEED -> SPEED;
            case QUALITY -> QUALITY;
            case BALANCED -> BALANCED;
        };
    }

    /** A caller's weights; a missing one counts as 0. Check {@link RoutingWeights#problem()} first. */
    public static StrategyWeights of(RoutingWeights weights) {
        return new StrategyWeights(orZero(weights.cost()), orZero(weights.latency()), orZero(weights.quality()));
    }

    /** For a rationale: {@code cost 0.50, latency 0.20, quality 0.30}. */
    public String describe() {
        return String.format(Locale.ROOT, "cost %.2f, latency %.2f, quality %.2f", cost, latency, quality);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
