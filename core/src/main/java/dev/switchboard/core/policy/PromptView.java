package dev.switchboard.core.policy;

import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;

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

    /**
     * A live request as policies read prompts: the user messages, the first as the prompt (all of them as turns when
     * there are several); the caller's feature as the task. A request of system or developer messages only is read
     * from those.
     */
    public static PromptView of(LlmRequest request, Classification classification) {
        List<String> user = texts(request, "user");
        if (user.isEmpty()) {
            user = texts(request, null);
        }
        return new PromptView(request.feature(), user.isEmpty() ? "" : user.get(0), user.size() > 1 ? user : List.of(),
                classification);
    }

    private static List<String> texts(LlmRequest request, String role) {
        return request.body().messages().stream()
                .filter(m -> role == null || role.equals(m.role()))
                .map(ChatMessage::text)
                .filter(t -> t != null && !t.isBlank())
                .toList();
    }

    /** Every user message, in order: what a text model of the prompt reads. */
    public String text() {
        return turns.isEmpty() ? prompt : String.join("\n", turns);
    }
}
