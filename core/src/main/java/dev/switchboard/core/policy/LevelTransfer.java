package dev.switchboard.core.policy;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trained predictor's per-model chances over to the models of a live catalog it was never trained on,
 * by quality level. Each trained model sits on a level axis at its mean training score; a catalog model is placed on
 * the same axis at its catalog {@code quality} and gets the chance the trained models' predictions give there, made
 * non-decreasing in level (a stronger model is never predicted worse than a weaker one on the same prompt), read
 * off by linear interpolation and held flat beyond the weakest and the strongest trained model.
 *
 * <p>The assumption is that the two scales agree: a catalog model of quality 0.72 does on a prompt what a trained
 * model that scored 0.72 on average did. A catalog model the predictor was trained on keeps its own prediction.
 * Retraining on one's own traffic ({@code ./switchboard train}) with one's own model ids removes the assumption.
 */
public final class LevelTransfer {

    private final List<String> trained;
    private final double[] level;

    /**
     * @param levels each trained model's level, e.g. its mean recorded score over the training prompts; two
     *               models or more with different levels
     */
    public LevelTransfer(Map<String, Double> levels) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(levels.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        if (sorted.size() < 2 || sorted.get(0).getValue().equals(sorted.get(sorted.size() - 1).getValue())) {
            throw new IllegalArgumentException("carrying predictions over by level needs two trained models or more "
                    + "of different levels, got " + levels);
        }
        trained = sorted.stream().map(Map.Entry::getKey).toList();
        level = sorted.stream().mapToDouble(Map.Entry::getValue).toArray();
    }

    /**
     * The predicted chance for every catalog model.
     *
     * @param predicted the trained predictor's chance per trained model, for one prompt
     */
    public Map<String, Double> toCatalog(Map<String, Double> predicted, ModelCatalog catalog) {
        double[] chance = monotone(trained.stream().mapToDouble(m -> predicted.getOrDefault(m, 0.0)).toArray());
        Map<String, Double> out = new LinkedHashMap<>();
        for (ModelSpec model : catalog.models()) {
            Double own = predicted.get(model.id());
            out.put(model.id(), own != null ? own : interpolate(model.quality(), chance));
        }
        return out;
    }

    private double interpolate(double x, double[] chance) {
        if (x <= level[0]) {
            return chance[0];
        }
        for (int i = 1; i < level.length; i++) {
            if (x <= level[i]) {
                double span = level[i] - level[i - 1];
                double t = span == 0 ? 1 : (x - level[i - 1]) / span;
                return chance[i - 1] + t * (chance[i] - chance[i - 1]);
            }
        }
        return chance[chance.length - 1];
    }

    /** Pool-adjacent-violators: the closest non-decreasing sequence (equal weights). */
    static double[] monotone(double[] values) {
        int n = values.length;
        double[] sum = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (double v : values) {
            sum[blocks] = v;
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < count[b]; k++) {
                out[i++] = sum[b] / count[b];
            }
        }
        return out;
    }
}
