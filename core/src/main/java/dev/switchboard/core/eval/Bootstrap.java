package dev.switchboard.core.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * How sure a task's targets are: its prompts resampled with replacement (seeded), and per resample the policy's
 * saving at target (cheapest point of its curve reaching target × best quality), the halfway saving (from the
 * hull's to the oracle's) and both AIQs, recomputed as {@link TaskMetrics} computes them once. The best and the
 * cheapest model stay those of the whole run; the policy's curve is its points as run, not re-fitted.
 *
 * @param resamples          how many resamples
 * @param policySaving90     5th and 95th percentile of the policy's saving at target; null when fewer than half
 *                           of the resamples reach the target at all
 * @param halfwaySaving90    the same for the halfway saving
 * @param savingTargetMet    share of resamples where the policy's saving reaches the halfway saving
 * @param aiqTargetMet       share of resamples where the policy's AIQ is above the hull's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Bootstrap(int resamples, List<Double> policySaving90, List<Double> halfwaySaving90,
                        double savingTargetMet, double aiqTargetMet) {

    public static final int RESAMPLES = 200;

    /**
     * @param curve  the policy's points: each a choice per line (threshold sweep, routers at other targets)
     * @param target the share of the best model's quality to reach
     */
    public static Bootstrap of(List<BenchmarkLine> lines, List<Function<BenchmarkLine, Choice>> curve,
                               double target, int resamples, long seed) {
        if (lines.isEmpty() || curve.isEmpty()) {
            throw new IllegalArgumentException("a bootstrap needs prompts and at least one point of the curve");
        }
        SingleModels singles = SingleModels.of(lines);
        List<String> models = List.copyOf(singles.byModel().keySet());
        int best = models.indexOf(singles.best());
        int cheapest = models.indexOf(singles.cheapest());
        int n = lines.size();
        // Per line: cost and score of every curve point, every single model and the oracle, one row per line.
        int points = curve.size();
        int width = points + models.size() + 1;
        double[][] cost = new double[n][width];
        double[][] score = new double[n][width];
        for (int i = 0; i < n; i++) {
            BenchmarkLine line = lines.get(i);
            for (int k = 0; k < points; k++) {
                fill(line, curve.get(k).apply(line), cost[i], score[i], k);
            }
            for (int m = 0; m < models.size(); m++) {
                fill(line, Choice.single(models.get(m)), cost[i], score[i], points + m);
            }
            fill(line, Choice.single(Oracle.choose(line)), cost[i], score[i], width - 1);
        }
        Random random = new Random(seed);
        List<Double> policySavings = new ArrayList<>();
        List<Double> halfwaySavings = new ArrayList<>();
        int savingMet = 0;
        int aiqMet = 0;
        for (int b = 0; b < resamples; b++) {
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
            double bestCost = c[points + best];
            double level = target * q[points + best];
            List<CostQuality> policy = new ArrayList<>();
            double cheapestReaching = Double.POSITIVE_INFINITY;
            for (int k = 0; k < points; k++) {
                policy.add(new CostQuality(c[k], q[k]));
                if (q[k] >= level) {
                    cheapestReaching = Math.min(cheapestReaching, c[k]);
                }
            }
            List<CostQuality> single = new ArrayList<>();
            double highest = 0;
            for (int m = 0; m < models.size(); m++) {
                single.add(new CostQuality(c[points + m], q[points + m]));
                highest = Math.max(highest, c[points + m]);
            }
            QualityHull hull = QualityHull.of(single);
            Double policySaving = cheapestReaching < Double.POSITIVE_INFINITY ? 1 - cheapestReaching / bestCost : null;
            Double halfway = null;
            if (hull.costAt(level).isPresent() && q[width - 1] >= level) {
                halfway = (1 - hull.costAt(level).getAsDouble() / bestCost + 1 - c[width - 1] / bestCost) / 2;
            }
            if (policySaving != null) {
                policySavings.add(policySaving);
            }
            if (halfway != null) {
                halfwaySavings.add(halfway);
            }
            if (policySaving != null && halfway != null && policySaving >= halfway) {
                savingMet++;
            }
            policy.add(single.get(cheapest)); // any policy may send a share of traffic to the cheapest model
            double low = c[points + cheapest];
            if (highest > low && QualityHull.of(policy).aiq(low, highest) > hull.aiq(low, highest)) {
                aiqMet++;
            }
        }
        return new Bootstrap(resamples, interval(policySavings, resamples), interval(halfwaySavings, resamples),
                savingMet / (double) resamples, aiqMet / (double) resamples);
    }

    private static void fill(BenchmarkLine line, Choice choice, double[] cost, double[] score, int at) {
        cost[at] = RunTotals.cost(line, choice).doubleValue();
        Double s = RunTotals.score(line, choice);
        if (s == null) {
            throw new IllegalArgumentException("a bootstrap needs scores; " + line.id() + " has none");
        }
        score[at] = s;
    }

    /** The 5th and 95th percentile, or null when fewer than half of the resamples gave a value. */
    private static List<Double> interval(List<Double> values, int resamples) {
        if (values.size() * 2 < resamples) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return List.of(sorted[(int) Math.floor(0.05 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.95 * (sorted.length - 1))]);
    }
}
