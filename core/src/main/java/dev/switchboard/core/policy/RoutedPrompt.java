package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;

import java.util.List;

/**
 * How a trained router decided one recorded prompt.
 *
 * @param operating the decision at the calibrated threshold, made by the policy itself through recorded answers
 * @param trace     the decisions at every threshold, for the sweep; null when no sweep was asked for
 * @param family    the family of the task's policy
 * @param threshold the calibrated threshold used
 * @param ladder    the decisions of routers calibrated to other target shares (in the order of
 *                  the shares asked for); empty when none were asked for
 */
public record RoutedPrompt(RecordedPrompt prompt, Choice operating, DecisionTrace trace, String family,
                           double threshold, List<Choice> ladder) {

    public RoutedPrompt {
        ladder = List.copyOf(ladder);
    }

    public RoutedPrompt(RecordedPrompt prompt, Choice operating, DecisionTrace trace, String family,
                        double threshold) {
        this(prompt, operating, trace, family, threshold, List.of());
    }

    /** The same decision with the ladder's decisions added. */
    RoutedPrompt withLadder(List<Choice> choices) {
        return new RoutedPrompt(prompt, operating, trace, family, threshold, choices);
    }
}
