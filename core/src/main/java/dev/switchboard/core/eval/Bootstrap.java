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
        ResampledRuns runs = ResampledRuns.of(lines, List.of(curve));
        Random random = new Random(seed);
        List<Double> policySavings = new ArrayList<>();
        List<Double> halfwaySavings = new ArrayList<>();
        int savingMet = 0;
        int aiqMet = 0;
        for (int b = 0; b < resamples; b++) {
            ResampledRuns.Draw draw = runs.draw(random);
            double level = draw.level(target);
            Double policySaving = draw.saving(0, level);
            Double halfway = draw.halfway(level);
            if (policySaving != null) {
                policySavings.add(policySaving);
            }
            if (halfway != null) {
                halfwaySavings.add(halfway);
            }
            if (policySaving != null && halfway != null && policySaving >= halfway) {
                savingMet++;
            }
            if (draw.spread() && draw.aiq(0) > draw.hullAiq()) {
                aiqMet++;
            }
        }
        return new Bootstrap(resamples, interval(policySavings, resamples), interval(halfwaySavings, resamples),
                savingMet / (double) resamples, aiqMet / (double) resamples);
    }

    /** The 5th and 95th percentile, or null when fewer than half of the resamples gave a value. */
    static List<Double> interval(List<Double> values, int resamples) {
        if (values.size() * 2 < resamples) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return List.of(sorted[(int) Math.floor(0.05 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.95 * (sorted.length - 1))]);
    }
}
