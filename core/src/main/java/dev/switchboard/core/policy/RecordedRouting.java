package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

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
        return route(router, (TextEmbedder) null, prompts, withTraces);
    }

    /**
     * Each prompt decided by the router's policy for its task.
     *
     * @param embedder   the prompt embedder the router was trained with; null for a word predictor
     * @param withTraces also trace every threshold, for sweeps (reads every answer a full cascade would read)
     */
    public static List<RoutedPrompt> route(TrainedRouter router, TextEmbedder embedder, List<RecordedPrompt> prompts,
                                           boolean withTraces) {
        return route(router, router.evidence(embedder), prompts, withTraces);
    }

    private static List<RoutedPrompt> route(TrainedRouter router, Evidence evidence, List<RecordedPrompt> prompts,
                                            boolean withTraces) {
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

    /**
     * The target shares the evaluator also calibrates to, besides the operating target, to draw the policy's
     * curve as its target moves: 0.70 to 1.00 in steps of 0.025.
     */
    public static final List<Double> DEFAULT_LADDER = IntStream.rangeClosed(0, 12).mapToObj(i -> 0.70 + i * 0.025)
            .map(x -> Math.round(x * 1000) / 1000.0).toList();

    /** k-fold cross-validation with the word predictor (or any that needs no embedder). */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, List<String> models,
                                                   RouterSettings settings, int folds) {
        return crossValidate(prompts, models, settings, null, folds, List.of());
    }

    /**
     * k-fold cross-validation; folds are drawn per task with the settings' seed, results in input order.
     *
     * @param embedder the prompt embedder, when the settings' predictor reads embeddings
     * @param ladder   other target shares to calibrate each fold's router to, too; every prompt then carries the
     *                 decisions of those routers in this order ({@link RoutedPrompt#ladder})
     */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, List<String> models,
                                                   RouterSettings settings, TextEmbedder embedder, int folds,
                                                   List<Double> ladder) {
        return crossValidate(prompts, folds, settings.seed(),
                (train, test) -> decide(train, test, models, settings, embedder, ladder));
    }

    /**
     * k-fold cross-validation with any way of deciding: {@code decide} gets each fold's training prompts and its
     * held-out prompts and decides the latter. Folds are drawn per task with the seed; results in input order.
     */
    public static List<RoutedPrompt> crossValidate(List<RecordedPrompt> prompts, int folds, long seed,
                                                   BiFunction<List<RecordedPrompt>, List<RecordedPrompt>,
                                                           List<RoutedPrompt>> decide) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs two folds or more, was " + folds);
        }
        Map<RecordedPrompt, Integer> fold = folds(prompts, folds, seed);
        Map<RecordedPrompt, RoutedPrompt> decided = new IdentityHashMap<>();
        for (int f = 0; f < folds; f++) {
            int held = f;
            List<RecordedPrompt> train = prompts.stream().filter(p -> fold.get(p) != held).toList();
            List<RecordedPrompt> test = prompts.stream().filter(p -> fold.get(p) == held).toList();
            decide.apply(train, test).forEach(r -> decided.put(r.prompt(), r));
        }
        return prompts.stream().map(decided::get).toList();
    }

    /** Each task decided by a router trained on all the other tasks, with the word predictor. */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts, List<String> models,
                                                  RouterSettings settings) {
        return holdOutTasks(prompts, models, settings, null, List.of());
    }

    /**
     * Each task decided by a router trained on all the other tasks; results in input order.
     *
     * @param ladder other target shares to calibrate each router to, too (see {@link #crossValidate})
     */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts, List<String> models,
                                                  RouterSettings settings, TextEmbedder embedder,
                                                  List<Double> ladder) {
        return holdOutTasks(prompts, (train, test) -> decide(train, test, models, settings, embedder, ladder));
    }

    /**
     * Each task decided, by any way of deciding, from all the other tasks' prompts: {@code decide} gets those and
     * the task's prompts and decides the latter. Results in input order.
     */
    public static List<RoutedPrompt> holdOutTasks(List<RecordedPrompt> prompts,
                                                  BiFunction<List<RecordedPrompt>, List<RecordedPrompt>,
                                                          List<RoutedPrompt>> decide) {
        List<String> tasks = prompts.stream().map(RecordedPrompt::task).distinct().sorted().toList();
        if (tasks.size() < 2) {
            throw new IllegalArgumentException("holding out tasks needs files of two tasks or more");
        }
        Map<RecordedPrompt, RoutedPrompt> decided = new IdentityHashMap<>();
        for (String task : tasks) {
            List<RecordedPrompt> train = prompts.stream().filter(p -> !p.task().equals(task)).toList();
            List<RecordedPrompt> test = prompts.stream().filter(p -> p.task().equals(task)).toList();
            decide.apply(train, test).forEach(r -> decided.put(r.prompt(), r));
        }
        return prompts.stream().map(decided::get).toList();
    }

    /** Trains on {@code train} (calibrated as the settings say, and to every ladder share) and decides {@code test}. */
    private static List<RoutedPrompt> decide(List<RecordedPrompt> train, List<RecordedPrompt> test,
                                             List<String> models, RouterSettings settings, TextEmbedder embedder,
                                             List<Double> ladder) {
        List<TrainedRouter> routers = new RouterTrainer(settings, embedder).train(train, models, ladder);
        // One predictor for all of them: the evidence (priors, answer readings) is worked out once per prompt.
        Evidence evidence = routers.get(0).evidence(embedder);
        List<RoutedPrompt> routed = route(routers.get(0), evidence, test, true);
        List<List<RoutedPrompt>> atShares = routers.subList(1, routers.size()).stream()
                .map(router -> route(router, evidence, test, false)).toList();
        return IntStream.range(0, test.size()).mapToObj(i -> routed.get(i).withLadder(atShares.stream()
                .map(atShare -> atShare.get(i).operating()).toList())).toList();
    }

    /** Fold of each prompt (by identity: lines are large records): per task, a seeded shuffle dealt round-robin, so every fold holds every task. */
    public static Map<RecordedPrompt, Integer> folds(List<RecordedPrompt> prompts, int folds, long seed) {
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
