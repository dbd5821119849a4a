package dev.switchboard.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * RouteLLM's router metrics between a weak and a strong model. A router's points are (x, quality), where x is
 * the strong share of the run: RouteLLM's share of calls to the strong model, or, for more than two models, the
 * run's cost normalised between the weak and the strong model's ({@link #normalisedCost}).
 *
 * <ul>
 *   <li>PGR (performance gap recovered) of a quality: {@code (q - q_weak) / (q_strong - q_weak)}.</li>
 *   <li>APGR: the trapezoid area under the router's quality over x, taken over the x range the points span and
 *       turned into a PGR the way RouteLLM's {@code evaluate.py} does; a random router scores about 0.5.</li>
 *   <li>CPT(p): the least x at which the router's curve (points joined in order of x) recovers a share p of the
 *       gap. RouteLLM interpolates with {@code np.interp}, which assumes quality rises with x; this takes the
 *       first crossing instead, which is the same on a rising curve.</li>
 * </ul>
 */
public final class RouteLlmMetrics {

    private static final Comparator<CostQuality> BY_X = Comparator.comparingDouble(CostQuality::cost)
            .thenComparingDouble(CostQuality::quality);

    private RouteLlmMetrics() {
    }

    /** The share of the gap between weak and strong that a quality recovers. */
    public static double pgr(double quality, double weakQuality, double strongQuality) {
        requireGap(weakQuality, strongQuality);
        return (quality - weakQuality) / (strongQuality - weakQuality);
    }

    /**
     * APGR of a router's points, whose {@code cost} is x in [0, 1]; at least two distinct x are needed.
     */
    public static double apgr(List<CostQuality> points, double weakQuality, double strongQuality) {
        requireGap(weakQuality, strongQuality);
        List<CostQuality> sorted = sorted(points);
        double span = sorted.get(sorted.size() - 1).cost() - sorted.get(0).cost();
        if (!(span > 0)) {
            throw new IllegalArgumentException("APGR needs points at two different strong shares at least");
        }
        double area = 0;
        for (int i = 1; i < sorted.size(); i++) {
            CostQuality a = sorted.get(i - 1);
            CostQuality b = sorted.get(i);
            area += (b.cost() - a.cost()) * (a.quality() + b.quality()) / 2;
        }
        return (area / span - weakQuality) / (strongQuality - weakQuality);
    }

    /** CPT(p): the least strong share at which the router recovers {@code share} of the gap; empty if never. */
    public static OptionalDouble cpt(List<CostQuality> points, double weakQuality, double strongQuality,
                                     double share) {
        requireGap(weakQuality, strongQuality);
        double level = weakQuality + share * (strongQuality - weakQuality);
        List<CostQuality> sorted = sorted(points);
        if (sorted.get(0).quality() >= level) {
            return OptionalDouble.of(sorted.get(0).cost());
        }
        for (int i = 1; i < sorted.size(); i++) {
            CostQuality a = sorted.get(i - 1);
            CostQuality b = sorted.get(i);
            if (b.quality() >= level) {
                double t = (level - a.quality()) / (b.quality() - a.quality());
                return OptionalDouble.of(a.cost() + t * (b.cost() - a.cost()));
            }
        }
        return OptionalDouble.empty();
    }

    /** A run's cost as a strong share: 0 at the weak model's cost, 1 at the strong model's, clamped to [0, 1]. */
    public static double normalisedCost(double cost, double weakCost, double strongCost) {
        if (!(strongCost > weakCost)) {
            throw new IllegalArgumentException("the strong model must cost more than the weak one: weak "
                    + weakCost + ", strong " + strongCost);
        }
        return Math.max(0, Math.min(1, (cost - weakCost) / (strongCost - weakCost)));
    }

    private static List<CostQuality> sorted(List<CostQuality> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a router curve needs at least one point");
        }
        List<CostQuality> sorted = new ArrayList<>(points);
        sorted.sort(BY_X);
        return sorted;
    }

    private static void requireGap(double weakQuality, double strongQuality) {
        if (!(strongQuality > weakQuality)) {
            throw new IllegalArgumentException("the strong model must score above the weak one: weak "
                    + weakQuality + ", strong " + strongQuality);
        }
    }
}
