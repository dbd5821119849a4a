package dev.switchboard.core.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Two policies' curves on the same prompts, compared over the same resamples of those prompts (a paired
 * bootstrap): how often one saves more at the target and has the higher AIQ than the other, and the 90% interval
 * of each difference. Pairing removes what both share (which prompts happen to be drawn), so a difference can be
 * sure even where the two policies' own intervals overlap. The curves are the points as run, not re-fitted.
 *
 * @param resamples          how many resamples
 * @param savingHigher       share of resamples where the policy's saving at target is higher than the rival's; a
 *                           curve that does not reach the target in a resample saves less than any that does
 * @param savingTied         share of resamples where the two savings are equal (or neither curve reaches the target)
 * @param savingDifference90 5th and 95th percentile of the policy's saving minus the rival's, over the resamples
 *                           where both reach the target; null when fewer than half do
 * @param aiqHigher          share of resamples where the policy's AIQ is higher than the rival's
 * @param aiqDifference90    5th and 95th percentile of the policy's AIQ minus the rival's; null when the single
 *                           models span no cost range in half of the resamples
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PairedBootstrap(int resamples, double savingHigher, double savingTied,
                              List<Double> savingDifference90, double aiqHigher, List<Double> aiqDifference90) {

    /**
     * @param curve  the policy's points: each a choice per line
     * @param rival  the rival's points, on the same lines
     * @param target the share of the best model's quality to reach
     */
    public static PairedBootstrap of(List<BenchmarkLine> lines, List<Function<BenchmarkLine, Choice>> curve,
                                     List<Function<BenchmarkLine, Choice>> rival, double target, int resamples,
                                     long seed) {
        ResampledRuns runs = ResampledRuns.of(lines, List.of(curve, rival));
        Random random = new Random(seed);
        int higher = 0;
        int tied = 0;
        int aiqHigher = 0;
        List<Double> savingDifferences = new ArrayList<>();
        List<Double> aiqDifferences = new ArrayList<>();
        for (int b = 0; b < resamples; b++) {
            ResampledRuns.Draw draw = runs.draw(random);
            double level = draw.level(target);
            Double ours = draw.saving(0, level);
            Double theirs = draw.saving(1, level);
            int order = Double.compare(ours == null ? Double.NEGATIVE_INFINITY : ours,
                    theirs == null ? Double.NEGATIVE_INFINITY : theirs);
            if (order > 0) {
                higher++;
            } else if (order == 0) {
                tied++;
            }
            if (ours != null && theirs != null) {
                savingDifferences.add(ours - theirs);
            }
            if (draw.spread()) {
                double difference = draw.aiq(0) - draw.aiq(1);
                aiqDifferences.add(difference);
                if (difference > 0) {
                    aiqHigher++;
                }
            }
        }
        return new PairedBootstrap(resamples, higher / (double) resamples, tied / (double) resamples,
                Bootstrap.interval(savingDifferences, resamples), aiqHigher / (double) resamples,
                Bootstrap.interval(aiqDifferences, resamples));
    }
}
