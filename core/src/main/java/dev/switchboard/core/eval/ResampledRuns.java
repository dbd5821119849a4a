package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The runs a bootstrap resamples: per line, the cost and score of every point of one or more policy curves, of
 * every single model and of the oracle, worked out once; each {@link #draw} sums them over the lines drawn with
 * replacement and measures the curves as {@link TaskMetrics} measures them once. The best and the cheapest model
 * stay those of the whole run.
 */
final class ResampledRuns {

    private final int n;
    private final int[] curveStart;
    private final int singlesStart;
    private final int modelCount;
    private final int best;
    private final int cheapest;
    private final int width;
    private final double[][] cost;
    private final double[][] score;

    private ResampledRuns(List<BenchmarkLine> lines, List<List<Function<BenchmarkLine, Choice>>> curves) {
        if (lines.isEmpty() || curves.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a bootstrap needs prompts and at least one point of the curve");
        }
        SingleModels singles = SingleModels.of(lines);
        List<String> models = List.copyOf(singles.byModel().keySet());
        n = lines.size();
        curveStart = new int[curves.size() + 1];
        for (int k = 0; k < curves.size(); k++) {
            curveStart[k + 1] = curveStart[k] + curves.get(k).size();
        }
        singlesStart = curveStart[curves.size()];
        modelCount = models.size();
        best = singlesStart + models.indexOf(singles.best());
        cheapest = singlesStart + models.indexOf(singles.cheapest());
        width = singlesStart + modelCount + 1;
        cost = new double[n][width];
        score = new double[n][width];
        for (int i = 0; i < n; i++) {
            BenchmarkLine line = lines.get(i);
            int at = 0;
            for (List<Function<BenchmarkLine, Choice>> curve : curves) {
                for (Function<BenchmarkLine, Choice> point : curve) {
                    fill(line, point.apply(line), i, at++);
                }
            }
            for (String model : models) {
                fill(line, Choice.single(model), i, at++);
            }
            fill(line, Choice.single(Oracle.choose(line)), i, at);
        }
    }

    /** @param curves each a policy's points, a choice per line */
    static ResampledRuns of(List<BenchmarkLine> lines, List<List<Function<BenchmarkLine, Choice>>> curves) {
        return new ResampledRuns(lines, curves);
    }

    /** One resample: as many lines as the run has, drawn with replacement. */
    Draw draw(Random random) {
        double[] c = new double[width];
        double[] q = new double[width];
        for (int draw = 0; draw < n; draw++) {
            int i = random.nextInt(n);
            for (int j = 0; j < width; j++) {
                c[j] += cost[i][j];
                q[j] += score[i][j];
            }
        }
        for (int j = 0; j < width; j++) {
            q[j] /= n;
        }
        return new Draw(c, q);
    }

    private void fill(BenchmarkLine line, Choice choice, int i, int at) {
        cost[i][at] = RunTotals.cost(line, choice).doubleValue();
        Double s = RunTotals.score(line, choice);
        if (s == null) {
            throw new IllegalArgumentException("a bootstrap needs scores; " + line.id() + " has none");
        }
        score[i][at] = s;
    }

    /** The totals of one resample. */
    final class Draw {

        private final double[] c;
        private final double[] q;
        private final QualityHull hull;
        private final double highest;

        private Draw(double[] c, double[] q) {
            this.c = c;
            this.q = q;
            List<CostQuality> single = new ArrayList<>();
            double top = 0;
            for (int m = singlesStart; m < singlesStart + modelCount; m++) {
                single.add(new CostQuality(c[m], q[m]));
                top = Math.max(top, c[m]);
            }
            this.hull = QualityHull.of(single);
            this.highest = top;
        }

        /** The quality to reach: {@code target} × the best model's. */
        double level(double target) {
            return target * q[best];
        }

        /** The saving of the curve's cheapest point reaching the level; null when none does. */
        Double saving(int curve, double level) {
            double cheapestReaching = Double.POSITIVE_INFINITY;
            for (int k = curveStart[curve]; k < curveStart[curve + 1]; k++) {
                if (q[k] >= level) {
                    cheapestReaching = Math.min(cheapestReaching, c[k]);
                }
            }
            return cheapestReaching < Double.POSITIVE_INFINITY ? 1 - cheapestReaching / c[best] : null;
        }

        /** Halfway from the hull's saving to the oracle's at the level; null when either cannot reach it. */
        Double halfway(double level) {
            if (hull.costAt(level).isPresent() && q[width - 1] >= level) {
                return (1 - hull.costAt(level).getAsDouble() / c[best] + 1 - c[width - 1] / c[best]) / 2;
            }
            return null;
        }

        /** Whether the single models span a cost range for AIQ to be taken over. */
        boolean spread() {
            return highest > c[cheapest];
        }

        /** The curve's AIQ; any policy may send a share of traffic to the cheapest model. */
        double aiq(int curve) {
            List<CostQuality> policy = new ArrayList<>();
            for (int k = curveStart[curve]; k < curveStart[curve + 1]; k++) {
                policy.add(new CostQuality(c[k], q[k]));
            }
            policy.add(new CostQuality(c[cheapest], q[cheapest]));
            return QualityHull.of(policy).aiq(c[cheapest], highest);
        }

        /** The single models' hull's AIQ. */
        double hullAiq() {
            return hull.aiq(c[cheapest], highest);
        }
    }
}
