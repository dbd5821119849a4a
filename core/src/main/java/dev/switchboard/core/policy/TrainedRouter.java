package dev.switchboard.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained router, as {@code ./switchboard train} writes it and {@code ./switchboard eval --model} reads it: the
 * settings, the models of the benchmark source, the prompt predictor (of any {@link PredictorState kind}) and, per
 * task, the calibrated policy; a task it was not trained on gets the {@code fallback} policy, trained on all tasks
 * together. Format 2 tags the predictor with its kind; format 1 files (word predictor only) are still read.
 *
 * @param modelLevels each model's mean recorded score over the training prompts: where it sits among the others,
 *                    so predictions can be carried over to a live catalog's models ({@link LevelTransfer}); empty
 *                    in routers trained before it was recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainedRouter(String format, RouterSettings settings, List<String> models,
                            PredictorState predictor, Map<String, TaskPolicy> tasks,
                            TaskPolicy fallback, Map<String, Double> modelLevels) {

    public static final String FORMAT = "switchboard-router/2";
    /** The first format: a word predictor without a kind; read as format 2. */
    static final String FORMAT_1 = "switchboard-router/1";

    public TrainedRouter {
        if (FORMAT_1.equals(format)) {
            format = FORMAT;
        }
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a trained router of format " + FORMAT + " (or " + FORMAT_1
                    + "): " + format);
        }
        models = List.copyOf(models);
        // Sorted, so the same training writes the same bytes (Map.copyOf iterates in a per-JVM random order).
        tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
        modelLevels = Collections.unmodifiableMap(modelLevels == null ? new TreeMap<>() : new TreeMap<>(modelLevels));
    }

    /** The calibrated policy for a task; the fallback for a task not seen in training. */
    public TaskPolicy policy(String task) {
        return tasks.getOrDefault(task, fallback);
    }

    /**
     * Fresh evidence for deciding new prompts: the predictor rebuilt from its stored state.
     *
     * @param embedder the prompt embedder the router was trained with ({@link #embedderId}); null when it reads words
     * @throws IllegalArgumentException when the predictor reads embeddings and the embedder is missing or another
     */
    public Evidence evidence(TextEmbedder embedder) {
        return new Evidence(predictor.predictor(embedder));
    }

    /** The id of the prompt embedder this router needs, or null when its predictor reads words only. */
    @JsonIgnore
    public String embedderId() {
        return predictor.embedderId();
    }
}
