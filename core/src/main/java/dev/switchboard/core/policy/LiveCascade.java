package dev.switchboard.core.policy;

import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LearnedAcceptance;
import dev.switchboard.core.event.LlmRequest;

import java.util.List;

/**
 * A trained cascade as the executor runs it: the plan's chain judged after each answer by the plan's learned
 * acceptance, through {@link CascadeFamily#judge}, the function the offline policy judges with. The prior is the
 * classifier's predicted chance per model; the prompt is read from the request as every policy reads it.
 */
public final class LiveCascade {

    private final CascadeFamily cascade;
    private final PromptView prompt;
    private final double threshold;

    private LiveCascade(CascadeFamily cascade, PromptView prompt, double threshold) {
        this.cascade = cascade;
        this.prompt = prompt;
        this.threshold = threshold;
    }

    /**
     * @param chain the plan's steps' models, cheapest first
     * @throws IllegalArgumentException when the acceptance does not fit the chain (one model per step but the last,
     *                                  as many weights as its signals need)
     */
    public static LiveCascade of(List<String> chain, LearnedAcceptance acceptance, LlmRequest request,
                                 Classification classification) {
        return new LiveCascade(TrainedPolicies.cascade(chain, acceptance, TrainedPolicies.evidence(classification)),
                PromptView.of(request, classification), acceptance.threshold());
    }

    /** The chain's models, cheapest first. */
    public List<String> chain() {
        return cascade.chain();
    }

    /**
     * Whether to stop after these answers, and whose answer to return.
     *
     * @param answers the answers of the chain's first models, one per model in chain order
     */
    public CascadeFamily.Verdict judge(List<ModelAnswer> answers) {
        return cascade.judge(prompt, answers, threshold);
    }
}
