package dev.switchboard.core.baseline;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.RecordedPrompt;

/**
 * The two models a RouteLLM router chooses between, as RouteLLM's metrics (APGR, CPT) define them on a task: the
 * strong one is the best single model on the training prompts, the weak one the cheapest. A router predicts the
 * chance that the strong model answers better and calls it when that chance reaches the threshold.
 */
record StrongWeakPair(String strong, String weak) {

    static StrongWeakPair of(SingleModels singles) {
        return new StrongWeakPair(singles.best(), singles.cheapest());
    }

    /**
     * The training label RouteLLM learns from a comparison: 1 when the strong model scored higher, 0 when the weak
     * one did, {@code tie} when they scored the same.
     */
    double label(RecordedPrompt prompt, double tie) {
        double strongScore = prompt.score(strong);
        double weakScore = prompt.score(weak);
        return strongScore > weakScore ? 1 : strongScore < weakScore ? 0 : tie;
    }

    /** Calls the strong model when its predicted chance of answering better reaches the threshold. */
    DecisionTrace trace(double strongWins) {
        Choice toStrong = Choice.single(strong);
        Choice toWeak = Choice.single(weak);
        return threshold -> strongWins >= threshold ? toStrong : toWeak;
    }
}
