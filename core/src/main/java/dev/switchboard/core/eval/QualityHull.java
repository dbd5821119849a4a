package dev.switchboard.core.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The non-decreasing convex hull of cost–quality points (RouterBench): the best quality reachable at each cost by
 * randomly mixing the runs behind the points. Below the cheapest point nothing is reachable; above the best point
 * the quality stays flat (spending more buys nothing).
 */
public final class QualityHull {

    private static final Comparator<CostQuality> CHEAPEST_THEN_BEST = Comparator.comparingDouble(CostQuality::cost)
            .thenComparing(Comparator.comparingDouble(CostQuality::quality).reversed());

    private final List<CostQuality> vertices;

    private QualityHull(List<CostQuality> vertices) {
        this.vertices = vertices;
    }

    /** The hull of these points; at least one point is needed. */
    public static QualityHull of(Collection<CostQuality> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a hull needs at least one point");
        }
        List<CostQuality> sorted = new ArrayList<>(points);
        sorted.sort(CHEAPEST_THEN_BEST);
        List<CostQuality> upper = new ArrayList<>();
        for (CostQuality p : sorted) {
            if (!upper.isEmpty() && upper.get(upper.size() - 1).quality() >= p.quality()) {
                continue; // as dear or dearer and no better: dominated
            }
            while (upper.size() >= 2 && !turnsRight(upper.get(upper.size() - 2), upper.get(upper.size() - 1), p)) {
                upper.remove(upper.size() - 1);
            }
            upper.add(p);
        }
        return new QualityHull(List.copyOf(upper));
    }

    /** The corners of the hull, cheapest first; quality rises strictly from one to the next. */
    public List<CostQuality> vertices() {
        return vertices;
    }

    /** The best quality reachable for this total cost; empty below the cheapest point. */
    public OptionalDouble qualityAt(double cost) {
        CostQuality first = vertices.get(0);
        if (cost < first.cost()) {
            return OptionalDouble.empty();
        }
        for (int i = 1; i < vertices.size(); i++) {
            CostQuality a = vertices.get(i - 1);
            CostQuality b = vertices.get(i);
            if (cost <= b.cost()) {
                return OptionalDouble.of(a.quality() + (b.quality() - a.quality()) * (cost - a.cost())
                        / (b.cost() - a.cost()));
            }
        }
        return OptionalDouble.of(vertices.get(vertices.size() - 1).quality());
    }

    /** The least total cost at which this quality is reachable; empty when no mix reaches it. */
    public OptionalDouble costAt(double quality) {
        CostQuality first = vertices.get(0);
        if (quality <= first.quality()) {
            return OptionalDouble.of(first.cost());
        }
        for (int i = 1; i < vertices.size(); i++) {
            CostQuality a = vertices.get(i - 1);
            CostQuality b = vertices.get(i);
            if (quality <= b.quality()) {
                return OptionalDouble.of(a.cost() + (b.cost() - a.cost()) * (quality - a.quality())
                        / (b.quality() - a.quality()));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * RouterBench's average improvement in quality: the area under the hull between two costs divided by their
     * distance. Costs below the cheapest point add nothing (no quality is reachable there).
     */
    public double aiq(double from, double to) {
        if (!(to > from)) {
            throw new IllegalArgumentException("the cost range must be non-empty, was [" + from + ", " + to + "]");
        }
        double cheapest = vertices.get(0).cost();
        List<Double> knots = new ArrayList<>();
        knots.add(from);
        vertices.stream().map(CostQuality::cost).filter(c -> c > from && c < to).forEach(knots::add);
        knots.add(to);
        double area = 0;
        for (int i = 1; i < knots.size(); i++) {
            double a = knots.get(i - 1);
            double b = knots.get(i);
            // The hull is linear between knots; a segment left of the cheapest point reaches nothing.
            if (a >= cheapest) {
                area += (b - a) * (qualityAt(a).orElseThrow() + qualityAt(b).orElseThrow()) / 2;
            }
        }
        return area / (to - from);
    }

    /** True when b lies strictly above the line from a to c, so b stays a corner of the upper hull. */
    private static boolean turnsRight(CostQuality a, CostQuality b, CostQuality c) {
        double cross = (b.cost() - a.cost()) * (c.quality() - a.quality())
                - (b.quality() - a.quality()) * (c.cost() - a.cost());
        return cross < 0;
    }
}
