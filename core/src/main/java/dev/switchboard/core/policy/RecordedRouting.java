package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs trained routers over recorded prompts: with one given router, with k-fold cross-validation (each fold decided
 * by a router trained on the other folds) or holding whole tasks out (each task decided by a router trained on the
 * other tasks, so it meets that kind of prompt for the first time).
 */
public final class RecordedRouting {

    private RecordedRouting() {
    }

    /**
     * Each prompt decided by the router's policy for its task.
     *
     * @param withTraces also trace every threshold, for sweeps (reads every answer a full cascade would read)
     */
    public static List<RoutedPrompt> route(TrainedRouter router, List<RecordedPrompt> prompts, boolean withTraces) {
        return route(router, null, prompts, withTraces);
    }

    /**
     * Each prompt decided by the router's policy for its task.
     *
     * @param embedder   the prompt embedder the router was trained with; null for a word predictor
     * @param withTraces also trace every threshold, for sweeps (reads every answer a full cascade would read)
     */
    public static List<RoutedPrompt> route(TrainedRouter router, TextEmbedder embedder, List<RecordedPrompt> prompts,
                                           boolean withTraces) {
        Evidence evidence = router.evidence(embedder);
        Map<String, PolicyFamily> families = new HashMap<>();
        List<RoutedPrompt> routed = new ArrayList<>();
        for (RecordedPrompt prompt : prompts) {
            TaskPolicy policy = router.policy(prompt.task());
            PolicyFamily family = families.computeIfAbsent(prompt.task(),
                    t -> policy.family(router.settings().signals(), evidence));
            RecordedAnswers answers = new RecordedAnswers(prompt.line());
            String answeredBy = family.at(policy.threshold()).answer(prompt.view(), answers);
            DecisionTrace trace = withTraces ? family.trace(prompt.view(), new RecordedAnswers(prompt.line())) : null;
            routed.add(new RoutedPrompt(prompt, answers.choice(answeredBy), trace, policy.family(),
                    policy.threshold()));
        }
        return routed;
    }

    /** k-fold cross-validation with the word predictor (or any that needs no embedder). */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, List<String> models,
                                                   RouterSettings settings, int folds) {
        return crossValidate(prompts, models, settings, null, folds);
    }

    /**
     * k-fold cross-validation; folds are drawn per task with the settings' seed, results in input order.
     *
     * @param embedder the prompt embedder, when the settings' predictor reads embeddings
     */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, List<String> models,
                                                   RouterSettings settings, TextEmbedder embedder, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs two folds or more, was " + folds);
        }
        Map<RecordedPrompt, Integer> fold = folds(prompts, folds, settings.seed());
        Map<RecordedPrompt, RoutedPrompt> decided = new IdentityHashMap<>();
        for (int f = 0; f < folds; f++) {
            int held = f;
            List<RecordedPrompt> train = prompts.stream().filter(p -> fold.get(p) != held).toList();
            List<RecordedPrompt> test = prompts.stream().filter(p -> fold.get(p) == held).toList();
            TrainedRouter router = new RouterTrainer(settings, embedder).train(train, models);
            route(router, embedder, test, true).forEach(r -> decided.put(r.prompt(), r));
        }
        return prompts.stream().map(decided::get).toList();
    }

    /** Each task decided by a router trained on all the other tasks, with the word predictor. */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts, List<String> models,
                                                  RouterSettings settings) {
        return holdOutTasks(prompts, models, settings, null);
    }

    /** Each task decided by a router trained on all the other tasks; results in input order. */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts, List<String> models,
                                                  RouterSettings settings, TextEmbedder embedder) {
        List<String> tasks = prompts.stream().map(RecordedPrompt::task).distinct().sorted().toList();
        if (tasks.size() < 2) {
            throw new IllegalArgumentException("holding out tasks needs files of two tasks or more");
        }
        Map<RecordedPrompt, RoutedPrompt> decided = new IdentityHashMap<>();
        for (String task : tasks) {
            List<RecordedPrompt> train = prompts.stream().filter(p -> !p.task().equals(task)).toList();
            List<RecordedPrompt> test = prompts.stream().filter(p -> p.task().equals(task)).toList();
            TrainedRouter router = new RouterTrainer(settings, embedder).train(train, models);
            route(router, embedder, test, true).forEach(r -> decided.put(r.prompt(), r));
        }
        return prompts.stream().map(decided::get).toList();
    }

    /** Fold of each prompt (by identity: lines are large records): per task, a seeded shuffle dealt round-robin, so every fold holds every task. */
    static Map<RecordedPrompt, Integer> folds(List<RecordedPrompt> prompts, int folds, long seed) {
        Random random = new Random(seed);
        Map<String, List<RecordedPrompt>> byTask = new TreeMap<>();
        prompts.forEach(p -> byTask.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
        Map<RecordedPrompt, Integer> fold = new IdentityHashMap<>();
        byTask.values().forEach(list -> {
            List<RecordedPrompt> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            for (int i = 0; i < shuffled.size(); i++) {
                fold.put(shuffled.get(i), i % folds);
            }
        });
        return fold;
    }
}
