package dev.switchboard.core.baseline;

import dev.switchboard.core.cascade.QualityGate;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.ModelAnswer;
import dev.switchboard.core.policy.RecordedAnswers;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.Thresholds;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A drafter → verifier cascade judged by fixed heuristics, the approach cascadeflow ships: call a cheap drafter,
 * check its answer with text rules (no learning), and call the verifier — the best model — when the check's
 * confidence is under the threshold. Without log-probabilities (these recordings have none) cascadeflow's
 * confidence comes from such rules: hedging and refusal phrases, length and completeness for the query's
 * complexity, format. Here the check is Switchboard's own quality gate ({@link QualityGate}: refusal, hedging,
 * length, missing number, code or conclusion for the task type), not cascadeflow's code; the drafter is the model
 * whose cascade reaches the quality level cheapest on the task's training prompts (a cascadeflow user picks one by
 * hand). Nothing is fitted but that choice, so a training prompt's trace is already honest.
 */
record GatedDraftCascade() implements Baseline {

    static final String NAME = "cascadeflow-gate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "drafter -> best model, escalating when a fixed heuristic check of the draft (Switchboard's quality "
                + "gate) scores under the threshold: cascadeflow's text-only approach";
    }

    /**
     * The cascade from the drafter that reaches {@code level} cheapest on the training prompts (when none does, the
     * one with the best quality), with the verifier the best single model.
     */
    @Override
    public Fitted fit(List<RecordedPrompt> train, SingleModels singles, double level) {
        String verifier = singles.best();
        List<String> drafters = singles.byModel().keySet().stream().filter(m -> singles.get(m).costUsd()
                .compareTo(singles.get(verifier).costUsd()) < 0).toList();
        if (drafters.isEmpty()) {
            Choice always = Choice.single(verifier);
            return prompt -> threshold -> always;
        }
        // Each drafter's cascade at its own operating point; among those, the one calibration would pick.
        List<SweepPoint> operating = drafters.stream().map(d -> Thresholds.calibrate(Thresholds.sweep(train,
                p -> trace(p, d, verifier)), level)).toList();
        SweepPoint chosen = Thresholds.calibrate(operating, level);
        String drafter = drafters.get(IntStream.range(0, operating.size()).filter(i -> operating.get(i) == chosen)
                .findFirst().orElseThrow());
        return prompt -> trace(prompt, drafter, verifier);
    }

    /** Drafts, checks the draft, escalates below the threshold: the decisions at every threshold. */
    static DecisionTrace trace(RecordedPrompt prompt, String drafter, String verifier) {
        RecordedAnswers answers = new RecordedAnswers(prompt.line());
        ModelAnswer draft = answers.call(drafter);
        var classification = prompt.view().classification();
        double confidence = QualityGate.score(classification == null ? null : classification.taskType(), null,
                draft.text(), draft.finishReason()).score();
        Choice accept = Choice.single(drafter);
        Choice escalate = new Choice(List.of(drafter, verifier), verifier);
        return threshold -> confidence >= threshold ? accept : escalate;
    }
}
