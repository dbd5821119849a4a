package dev.switchboard.core.policy;

import java.util.List;

/**
 * Policies that differ by one threshold: a higher threshold buys quality with cost. Sweeping it draws the
 * family's cost–quality curve; calibration picks the operating point.
 */
public interface PolicyFamily {

    /** A short name for reports: {@code threshold}, {@code cascade}. */
    String name();

    /**
     * The models the policy at this threshold may call for the prompt, in order, decided from the prompt alone before
     * any call: the threshold policy's one pick, a cascade's chain (or only its last model when it skips). The live
     * router plans exactly these; {@link #at} calls them (a cascade stops early when it accepts).
     */
    List<String> plannedCalls(PromptView prompt, double threshold);

    /** The policy at this threshold. */
    AnswerPolicy at(double threshold);

    /** The decisions at every threshold, reading all the answers the most expensive setting would read. */
    DecisionTrace trace(PromptView prompt, AnswerSource answers);
}
