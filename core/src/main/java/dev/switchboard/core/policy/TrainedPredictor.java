package dev.switchboard.core.policy;

import java.util.List;
import java.util.Map;

/**
 * A prompt predictor fitted on training prompts: it can also predict each training prompt from the others (the
 * priors training calibrates on must look like those of new prompts) and be saved in a router artifact.
 */
public interface TrainedPredictor extends QualityPredictor {

    /** The prediction for training prompt {@code i} from the other training prompts (leave one out). */
    Map<String, Double> predictLeavingOut(int i);

    /**
     * The prediction for training prompt {@code i} as if its task had never been seen: from the other tasks'
     * prompts only. The priors a policy for unseen tasks must be fitted on.
     */
    Map<String, Double> predictLeavingOutTask(int i);

    /** What a router artifact stores to rebuild this predictor. */
    PredictorState state();

    /** Model id → chance, each clamped to [0, 1]. */
    static Map<String, Double> byModel(List<String> models, double[] estimate) {
        Map<String, Double> predicted = new java.util.LinkedHashMap<>();
        for (int m = 0; m < models.size(); m++) {
            predicted.put(models.get(m), Math.max(0, Math.min(1, estimate[m])));
        }
        return predicted;
    }
}
