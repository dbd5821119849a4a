package dev.switchboard.core.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mean of the word and the embedding predictor, weighted: the two read different things (shared rare words and
 * numbers; meaning), so their errors are partly independent.
 */
public final class BlendedQualityPredictor implements TrainedPredictor {

    /** Both predictors' states and the weight of the word predictor. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record State(double wordsWeight, KnnQualityPredictor.State words, EmbeddingQualityPredictor.State embedding)
            implements PredictorState {

        @Override
        public BlendedQualityPredictor predictor(TextEmbedder embedder) {
            return new BlendedQualityPredictor(this, words.predictor(embedder), embedding.predictor(embedder));
        }

        @Override
        public String embedderId() {
            return embedding.embedderId();
        }
    }

    private final State state;
    private final KnnQualityPredictor words;
    private final EmbeddingQualityPredictor embedding;

    private BlendedQualityPredictor(State state, KnnQualityPredictor words, EmbeddingQualityPredictor embedding) {
        this.state = state;
        this.words = words;
        this.embedding = embedding;
    }

    public static BlendedQualityPredictor train(List<String> models, List<PromptView> prompts, List<double[]> scores,
                                                int neighbours, double priorWeight, TextEmbedder embedder,
                                                double wordsWeight) {
        KnnQualityPredictor words = KnnQualityPredictor.train(models, prompts, scores, neighbours, priorWeight);
        EmbeddingQualityPredictor embedding = EmbeddingQualityPredictor.train(models, prompts, scores, neighbours,
                priorWeight, embedder);
        return new BlendedQualityPredictor(new State(wordsWeight, words.state(), embedding.state()), words,
                embedding);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> predict(PromptView prompt) {
        return blend(words.predict(prompt), embedding.predict(prompt));
    }

    @Override
    public Map<String, Double> predictLeavingOut(int i) {
        return blend(words.predictLeavingOut(i), embedding.predictLeavingOut(i));
    }

    @Override
    public Map<String, Double> predictLeavingOutTask(int i) {
        return blend(words.predictLeavingOutTask(i), embedding.predictLeavingOutTask(i));
    }

    private Map<String, Double> blend(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> blended = new LinkedHashMap<>();
        a.forEach((model, p) -> blended.put(model, state.wordsWeight() * p
                + (1 - state.wordsWeight()) * b.get(model)));
        return blended;
    }
}
