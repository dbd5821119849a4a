package dev.switchboard.core.policy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The prompt predictor as a router artifact stores it, tagged by {@code kind}. An object without a kind is the
 * word predictor: that is how {@code switchboard-router/1} files stored it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", defaultImpl = KnnQualityPredictor.State.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = KnnQualityPredictor.State.class, name = PredictorState.WORDS),
        @JsonSubTypes.Type(value = EmbeddingQualityPredictor.State.class, name = PredictorState.EMBEDDING),
        @JsonSubTypes.Type(value = BlendedQualityPredictor.State.class, name = PredictorState.BLEND)})
public interface PredictorState {

    String WORDS = "words";
    String EMBEDDING = "embedding";
    String BLEND = "blend";

    /**
     * The predictor rebuilt from this state.
     *
     * @param embedder the prompt embedder, for kinds that read embeddings: it must be the one the predictor was
     *                 trained with (same {@link TextEmbedder#id}); ignored by the word predictor, may be null there
     * @throws IllegalArgumentException when an embedding predictor gets no embedder or another one
     */
    TrainedPredictor predictor(TextEmbedder embedder);

    /** The id of the embedder this predictor reads, or null when it reads words only. */
    String embedderId();
}
