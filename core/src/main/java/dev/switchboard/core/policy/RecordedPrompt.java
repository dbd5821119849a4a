package dev.switchboard.core.policy;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.List;

/**
 * A benchmark line with the view a policy gets of it, classified once: the evaluator and the trainer hold the
 * line (and its scores), the policy only ever sees the view and the answers it calls for.
 */
public record RecordedPrompt(BenchmarkLine line, PromptView view) {

    /** Views of these lines, classified by the rule classifier. */
    public static List<RecordedPrompt> of(List<BenchmarkLine> lines, RuleClassifier classifier) {
        return lines.stream().map(line -> new RecordedPrompt(line, RecordedAnswers.view(line, classifier))).toList();
    }

    public String task() {
        return line.task();
    }

    /** The recorded score of a model; only training and evaluation may ask. */
    public double score(String model) {
        Double score = line.outcome(model).orElseThrow().score();
        if (score == null) {
            throw new IllegalArgumentException(line.id() + " has no scores; training needs scored data");
        }
        return score;
    }
}
