package dev.switchboard.core.policy;

import dev.switchboard.core.event.Classification;

import java.util.List;

/**
 * All a routing policy may know about a prompt before it calls a model: the text, the task it belongs to (a
 * benchmark file's task, or the caller's feature in the live service) and the classifier's view of it. No id,
 * no score, no recorded answer.
 *
 * @param task           the task name; may be one the policy was never trained on
 * @param prompt         the first user message
 * @param turns          the user messages of a multi-turn conversation; empty for a single message
 * @param classification what the rule classifier made of the prompt
 */
public record PromptView(String task, String prompt, List<String> turns, Classification classification) {

    public PromptView {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** Every user message, in order: what a text model of the prompt reads. */
    public String text() {
        return turns.isEmpty() ? prompt : String.join("\n", turns);
    }
}
