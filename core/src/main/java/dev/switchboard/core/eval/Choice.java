package dev.switchboard.core.eval;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a routing policy did with one prompt: the models it called, in order, and the one whose answer it returned.
 * The prompt costs the recorded costs of every call; its quality is the recorded score of {@code answeredBy}.
 */
public record Choice(List<String> calls, String answeredBy) {

    public Choice {
        if (calls == null || calls.isEmpty()) {
            throw new IllegalArgumentException("a choice calls at least one model");
        }
        calls = List.copyOf(calls);
        if (new LinkedHashSet<>(calls).size() != calls.size()) {
            throw new IllegalArgumentException("a model is called once per prompt, calls were " + calls);
        }
        if (!calls.contains(answeredBy)) {
            throw new IllegalArgumentException("the answer must come from a called model: " + answeredBy
                    + " is not among " + calls);
        }
    }

    /** One call, whose answer is returned. */
    public static Choice single(String model) {
        return new Choice(List.of(model), model);
    }
}
