package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;

/**
 * How a trained router decided one recorded prompt.
 *
 * @param operating the decision at the calibrated threshold, made by the policy itself through recorded answers
 * @param trace     the decisions at every threshold, for the sweep; null when no sweep was asked for
 * @param family    the family of the task's policy
 * @param threshold the calibrated threshold used
 */
public record RoutedPrompt(RecordedPrompt prompt, Choice operating, DecisionTrace trace, String family,
                           double threshold) {
}
