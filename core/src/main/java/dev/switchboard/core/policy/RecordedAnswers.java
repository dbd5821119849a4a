package dev.switchboard.core.policy;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers calls from one recorded benchmark line: the called model's recorded response text and nothing else
 * (never its score, never another model's answer), and keeps the order of the calls so the evaluator can bill them.
 */
public final class RecordedAnswers implements AnswerSource {

    private final BenchmarkLine line;
    private final List<String> calls = new ArrayList<>();

    public RecordedAnswers(BenchmarkLine line) {
        this.line = line;
    }

    @Override
    public ModelAnswer call(String model) {
        var outcome = line.outcome(model).orElseThrow(() -> new IllegalArgumentException(
                "no recorded answer of " + model + " for " + line.id()));
        if (!calls.contains(model)) {
            calls.add(model);
        }
        // Recorded files carry no finish reason; the answer text is all a live call would add.
        return new ModelAnswer(model, outcome.response(), null);
    }

    /** The models called so far, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** What the policy did: the calls made and the model it answered with. */
    public Choice choice(String answeredBy) {
        return new Choice(calls, answeredBy);
    }

    /** The view a policy gets of a recorded prompt: its text, turns and task, classified by the rule classifier. */
    public static PromptView view(BenchmarkLine line, RuleClassifier classifier) {
        return new PromptView(line.task(), line.prompt(), line.turns(), classifier.classify(request(line)));
    }

    /** The request a user would have sent: the prompt's user messages, the task as the feature, no hints. */
    public static LlmRequest request(BenchmarkLine line) {
        List<ChatMessage> messages = line.turns().isEmpty() ? List.of(ChatMessage.of("user", line.prompt()))
                : line.turns().stream().map(turn -> ChatMessage.of("user", turn)).toList();
        return new LlmRequest(LlmRequest.SCHEMA_VERSION, "offline", 1, "offline", null, null, line.task(), null,
                new ChatRequest(messages, null, null, null, null), null, null);
    }
}
