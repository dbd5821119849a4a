package dev.switchboard.core.policy;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What policies learn about a prompt, worked out once per prompt and model and shared by every policy of a sweep
 * or a training search: the predictor's prior and the readings of answers already obtained through a call.
 * Readings are keyed by the answer a call returned, so nothing here reveals an answer a policy did not call for.
 */
public final class Evidence {

    private final QualityPredictor predictor;
    private final Map<PromptView, Map<String, Double>> priors = new IdentityHashMap<>();
    private final Map<PromptView, Map<String, Read>> readings = new IdentityHashMap<>();
    private final Map<PromptView, AnswerFormat> formats = new IdentityHashMap<>();
    private final Map<PromptView, Integer> questions = new IdentityHashMap<>();

    /** @param predictor the prompt-only predictor; null when no policy needs a prior */
    public Evidence(QualityPredictor predictor) {
        this.predictor = predictor;
    }

    /** The predictor's chance per model for this prompt; empty without a predictor. */
    public Map<String, Double> prior(PromptView prompt) {
        if (predictor == null) {
            return Map.of();
        }
        return priors.computeIfAbsent(prompt, predictor::predict);
    }

    /**
     * Sets the prior of a training prompt to its leave-one-out prediction, so that policies fitted on training
     * prompts see the same kind of prior they will see on new ones.
     */
    public void presetPrior(PromptView prompt, Map<String, Double> prior) {
        priors.put(prompt, prior);
    }

    /** The final-answer format the prompt asks for. */
    public AnswerFormat format(PromptView prompt) {
        return formats.computeIfAbsent(prompt, p -> AnswerFormat.of(p.prompt()));
    }

    /** The length of the prompt's own question: its last paragraph (few-shot examples come before it). */
    public int questionChars(PromptView prompt) {
        return questions.computeIfAbsent(prompt, p -> CascadeState.lastParagraph(p.prompt()).length());
    }

    /** The reading of an answer a call returned for this prompt. */
    public AnswerReading read(PromptView prompt, ModelAnswer answer) {
        Map<String, Read> byModel = readings.computeIfAbsent(prompt, p -> new HashMap<>());
        Read cached = byModel.get(answer.model());
        // A reading is reused only for the very answer it was made from, never for another answer of that model.
        if (cached == null || !cached.answer().equals(answer)) {
            cached = new Read(answer, AnswerReading.of(prompt, format(prompt), answer));
            byModel.put(answer.model(), cached);
        }
        return cached.reading();
    }

    private record Read(ModelAnswer answer, AnswerReading reading) {
    }
}
