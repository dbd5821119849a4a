package dev.switchboard.core.policy;

import java.util.Map;

/**
 * Predicts, from the prompt alone, each model's chance of a good answer (its expected recorded score). The first
 * implementation reads hashed words ({@link KnnQualityPredictor}); an embedding model can take its place.
 */
public interface QualityPredictor {

    /** Model id → predicted chance in [0, 1], for every model the predictor was trained on. */
    Map<String, Double> predict(PromptView prompt);
}
