package dev.switchboard.core.baseline;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.RecordedRouting;
import dev.switchboard.core.policy.RoutedPrompt;
import dev.switchboard.core.policy.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a baseline over recorded prompts by k-fold cross-validation, on the very folds Switchboard's own router is
 * cross-validated on (same seed): per fold and task, the baseline is fitted on the training prompts, its threshold
 * calibrated there to the target share of the best single model's training quality (as Switchboard's is), and the
 * held-out prompts decided at that threshold, at every threshold for the curve, and at each ladder share. Or with
 * whole tasks held out: each task decided by the baseline fitted and calibrated on the other tasks' prompts pooled,
 * as RouteLLM's routers are trained on one kind of data and used on another.
 */
public final class BaselineRouting {

    private BaselineRouting() {
    }

    /** Results in input order. */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, Baseline baseline,
                                                   double targetShare, long seed, int folds, List<Double> ladder) {
        return RecordedRouting.crossValidate(prompts, folds, seed, (train, test) -> {
            // Fitted per task, as Switchboard's router fits its policies per task.
            Map<String, List<RecordedPrompt>> byTask = new TreeMap<>();
            train.forEach(p -> byTask.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
            Map<String, List<RecordedPrompt>> held = new TreeMap<>();
            test.forEach(p -> held.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
            List<RoutedPrompt> routed = new ArrayList<>();
            held.forEach((task, heldOut) -> {
                List<RecordedPrompt> fitOn = byTask.get(task);
                if (fitOn == null) {
                    throw new IllegalArgumentException("task " + task + " has too few prompts for " + folds
                            + " folds: a fold holds all of them");
                }
                routed.addAll(decide(baseline, fitOn, heldOut, targetShare, ladder));
            });
            return routed;
        });
    }

    /** Each task decided by the baseline fitted on all the other tasks together; results in input order. */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts, Baseline baseline,
                                                  double targetShare, List<Double> ladder) {
        return RecordedRouting.holdOutTasks(prompts, (train, test) -> decide(baseline, train, test, targetShare,
                ladder));
    }

    private static List<RoutedPrompt> decide(Baseline baseline, List<RecordedPrompt> train,
                                             List<RecordedPrompt> test, double targetShare, List<Double> ladder) {
        SingleModels singles = SingleModels.of(train.stream().map(RecordedPrompt::line).toList());
        double best = singles.get(singles.best()).quality();
        Baseline.Fitted fitted = baseline.fit(train, singles, targetShare * best);
        List<SweepPoint> sweep = Thresholds.sweep(train, fitted::honestTrace);
        double threshold = Thresholds.calibrate(sweep, targetShare * best).threshold();
        List<Double> atShares = ladder.stream().map(share -> Thresholds.calibrate(sweep, share * best).threshold())
                .toList();
        List<RoutedPrompt> routed = new ArrayList<>();
        for (RecordedPrompt prompt : test) {
            DecisionTrace trace = fitted.trace(prompt);
            List<Choice> ladderChoices = atShares.stream().map(trace::at).toList();
            routed.add(new RoutedPrompt(prompt, trace.at(threshold), trace, baseline.name(), threshold,
                    ladderChoices));
        }
        return routed;
    }
}
