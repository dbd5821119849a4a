package dev.switchboard.core.policy;

/**
 * Policies that differ by one threshold: a higher threshold buys quality with cost. Sweeping it draws the
 * family's cost–quality curve; calibration picks the operating point.
 */
public interface PolicyFamily {

    /** A short name for reports: {@code threshold}, {@code cascade}. */
    String name();

    /** The policy at this threshold. */
    AnswerPolicy at(double threshold);

    /** The decisions at every threshold, reading all the answers the most expensive setting would read. */
    DecisionTrace trace(PromptView prompt, AnswerSource answers);
}
