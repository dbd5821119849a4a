package dev.switchboard.core.recorded;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One prompt of a recorded benchmark with every model's outcome on it (one line of a {@code .jsonl} file of
 * {@code ../shared/data/routing}).
 *
 * @param id       {@code <source>/<task>/<original id>}
 * @param source   which benchmark collection: {@code routerbench}, {@code zeroeval}, {@code routellm}
 * @param task     the task within the source, e.g. {@code gsm8k}
 * @param prompt   the prompt the models were given (MT-Bench: the first turn)
 * @param turns    MT-Bench only: the user messages of the conversation; empty otherwise
 * @param outcomes by model id, in file order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchmarkLine(String id, String source, String task, String prompt, List<String> turns,
                            Map<String, RecordedOutcome> outcomes) {

    public BenchmarkLine {
        requireText("id", id);
        requireText("source", source);
        requireText("task", task);
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is missing");
        }
        if (outcomes == null || outcomes.isEmpty()) {
            throw new IllegalArgumentException("outcomes are missing");
        }
        turns = turns == null ? List.of() : List.copyOf(turns);
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The first user message: the first turn of a multi-turn line, else the prompt. */
    @JsonIgnore
    public String firstTurn() {
        return turns.isEmpty() ? prompt : turns.get(0);
    }

    /** The recorded outcome of a model, empty when the model did not answer this prompt. */
    public Optional<RecordedOutcome> outcome(String modelId) {
        return Optional.ofNullable(modelId == null ? null : outcomes.get(modelId));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
