package dev.switchboard.bench.eval;

import dev.switchboard.core.eval.CostQuality;

import java.util.List;

/**
 * Maps cost (log scale) and quality to pixels of a {@link CurvePlot}.
 *
 * @param minCost the left edge, in USD
 * @param maxCost the right edge, in USD
 */
record PlotScale(double minCost, double maxCost, double minQuality, double maxQuality, int left, int top, int right,
                 int bottom) {

    /** A scale with some room around these points and the target level. */
    static PlotScale around(List<CostQuality> points, double level) {
        double lo = points.stream().mapToDouble(CostQuality::cost).filter(c -> c > 0).min().orElse(1e-4);
        double hi = points.stream().mapToDouble(CostQuality::cost).max().orElse(1);
        double qLo = Math.min(level, points.stream().mapToDouble(CostQuality::quality).min().orElse(0));
        double qHi = Math.max(level, points.stream().mapToDouble(CostQuality::quality).max().orElse(1));
        double pad = Math.max(0.01, (qHi - qLo) * 0.06);
        return new PlotScale(lo / 1.4, Math.max(hi * 1.4, lo * 2), Math.max(0, qLo - pad), Math.min(1.0, qHi + pad),
                80, 50, 1000 - 30, 660 - 60);
    }

    int x(double cost) {
        double c = Math.max(cost, minCost);
        double t = (Math.log10(c) - Math.log10(minCost)) / (Math.log10(maxCost) - Math.log10(minCost));
        return (int) Math.round(left + t * (right - left));
    }

    int y(double quality) {
        double t = (quality - minQuality) / (maxQuality - minQuality);
        return (int) Math.round(bottom - t * (bottom - top));
    }
}
