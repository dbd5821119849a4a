package dev.switchboard.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * A trained router, as {@code ./switchboard train} writes it and {@code ./switchboard eval --model} reads it: the
 * settings, the models of the benchmark source, the prompt predictor and, per task, the calibrated policy; a task
 * it was not trained on gets the {@code fallback} policy, trained on all tasks together.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainedRouter(String format, RouterSettings settings, List<String> models,
                            KnnQualityPredictor.State predictor, Map<String, TaskPolicy> tasks,
                            TaskPolicy fallback) {

    public static final String FORMAT = "switchboard-router/1";

    public TrainedRouter {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a trained router of format " + FORMAT + ": " + format);
        }
        models = List.copyOf(models);
        tasks = Map.copyOf(tasks);
    }

    /** The calibrated policy for a task; the fallback for a task not seen in training. */
    public TaskPolicy policy(String task) {
        return tasks.getOrDefault(task, fallback);
    }

    /** Fresh evidence for deciding new prompts: the predictor rebuilt from its stored state. */
    @JsonIgnore
    public Evidence evidence() {
        return new Evidence(new KnnQualityPredictor(predictor));
    }
}
