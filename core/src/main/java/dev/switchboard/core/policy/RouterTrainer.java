package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.CostQuality;
import dev.switchboard.core.eval.QualityHull;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/**
 * Trains a router on scored prompts: fits the prompt predictor, then per task (and once over all tasks, for tasks
 * it has not seen, where the threshold policy also comes in a variant that escalates to the strongest model when no
 * prediction clears its threshold) tries each allowed policy family — the threshold policy and cascades over
 * candidate chains —
 * calibrates each to the target on the training prompts and keeps the one that reaches it cheapest; or, calibrated
 * to a budget of strong-model calls ({@link RouterSettings#strongCallShare}), the one with the best quality within
 * the budget.
 */
public final class RouterTrainer {

    /** Costs this close count as equal, and the family with the better curve (AIQ) wins. */
    private static final double COST_TIE = 0.005;
    /** Cascades are calibrated and compared on traces from acceptance models fitted without the prompt. */
    private static final int INNER_FOLDS = 3;

    /** The word predictor's weight in the blend. */
    public static final double BLEND_WORDS_WEIGHT = 0.5;

    /** Shares above the target the fallback may be calibrated to, in steps: up to always the strongest answer. */
    private static final double SHARE_STEP = 0.005;
    private static final double HIGHEST_SHARE = 1.10;

    /**
     * How many standard errors cheaper than the choice without skipping a skipping variant must be, per training
     * prompt at the level, to be chosen instead: with dozens of variants to pick from, the cheapest on a small task
     * is often cheaper by luck alone, and lands below the target on new prompts.
     */
    private static final double SKIP_EVIDENCE = 2.0;
    /**
     * Tasks with fewer training prompts choose among plain policies only: on MBPP (about 200 per fold) a skipping
     * variant was clearly cheaper on training prompts, yet reached only 92.9% of the best quality on new ones.
     */
    static final int SKIP_MIN_PROMPTS = 500;

    private final RouterSettings settings;
    private final TextEmbedder embedder;

    /** A trainer for the word predictor, which needs no embedder. */
    public RouterTrainer(RouterSettings settings) {
        this(settings, null);
    }

    /** @param embedder embeds prompts for the embedding predictors; may be null for the word predictor */
    public RouterTrainer(RouterSettings settings, TextEmbedder embedder) {
        if (settings.needsEmbedder() && embedder == null) {
            throw new IllegalArgumentException("the " + settings.predictor() + " predictor needs a prompt embedder");
        }
        this.settings = settings;
        this.embedder = embedder;
    }

    /** A router trained on these prompts, calibrated to the settings' target; {@code models} in file order. */
    public TrainedRouter train(List<RecordedPrompt> prompts, List<String> models) {
        return train(prompts, models, List.of()).get(0);
    }

    /**
     * The router calibrated as the settings say, then routers calibrated to each of these quality target shares, in
     * their order: one predictor and one set of fitted candidate policies, each router choosing among them and
     * calibrating its own threshold. This is what a user gets by training with {@code --target-quality} set to each
     * share, at the cost of one training.
     *
     * @param models the source's models, in file order
     */
    public List<TrainedRouter> train(List<RecordedPrompt> prompts, List<String> models, List<Double> shares) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no training prompts");
        }
        List<double[]> scores = prompts.stream().map(p -> models.stream().mapToDouble(p::score).toArray()).toList();
        TrainedPredictor predictor = predictor(models, prompts.stream().map(RecordedPrompt::view).toList(), scores);
        Evidence evidence = evidence(prompts, predictor, predictor::predictLeavingOut);
        Map<String, List<RecordedPrompt>> byTask = new TreeMap<>();
        prompts.forEach(p -> byTask.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
        Map<String, TaskCandidates> perTask = new TreeMap<>();
        byTask.forEach((task, taskPrompts) -> perTask.put(task, candidates(taskPrompts, evidence)));
        Unseen unseen = byTask.size() == 1 ? null : unseen(prompts, byTask, predictor);
        Map<String, Double> levels = new TreeMap<>();
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            levels.put(models.get(m), scores.stream().mapToDouble(s -> s[model]).average().orElse(0));
        }
        PredictorState state = predictor.state();
        List<RouterSettings> targets = new ArrayList<>();
        targets.add(settings);
        shares.forEach(share -> targets.add(settings.withTargetShare(share)));
        List<TrainedRouter> routers = new ArrayList<>();
        for (RouterSettings target : targets) {
            Map<String, TaskPolicy> policies = new TreeMap<>();
            perTask.forEach((task, candidates) -> policies.put(task, candidates.policy(target)));
            TaskCandidates only = perTask.values().iterator().next();
            Double budget = target.strongCallShare();
            // Trained on one task, nothing says how its calibration carries over: unseen tasks get its best quality.
            // A budget of strong calls means the same on any task: the fallback keeps it.
            TaskPolicy fallback = budget != null ? (unseen == null ? only : unseen.candidates()).policy(target)
                    : unseen == null ? only.policy(HIGHEST_SHARE)
                    : unseen.candidates().policy(unseen.share(target.targetShare()));
            routers.add(new TrainedRouter(TrainedRouter.FORMAT, target, models, state, policies, fallback, levels));
        }
        return routers;
    }

    /**
     * Evidence whose training prompts carry priors predicted without them ({@code leftOut} of the prompt's index):
     * the priors policies are fitted on must look like those of prompts never seen.
     */
    private static Evidence evidence(List<RecordedPrompt> prompts, TrainedPredictor predictor,
                                     IntFunction<Map<String, Double>> leftOut) {
        Evidence evidence = new Evidence(predictor);
        // Independent per prompt, and the costliest step with embeddings (every pair of training prompts).
        List<Map<String, Double>> priors = IntStream.range(0, prompts.size()).parallel().mapToObj(leftOut).toList();
        for (int i = 0; i < prompts.size(); i++) {
            evidence.presetPrior(prompts.get(i).view(), priors.get(i));
        }
        return evidence;
    }

    private TrainedPredictor predictor(List<String> models, List<PromptView> views, List<double[]> scores) {
        return switch (settings.predictor()) {
            case PredictorState.EMBEDDING -> EmbeddingQualityPredictor.train(models, views, scores,
                    settings.neighbours(), settings.priorWeight(), embedder);
            case PredictorState.BLEND -> BlendedQualityPredictor.train(models, views, scores, settings.neighbours(),
                    settings.priorWeight(), embedder, BLEND_WORDS_WEIGHT);
            default -> KnnQualityPredictor.train(models, views, scores, settings.neighbours(),
                    settings.priorWeight());
        };
    }

    /**
     * The policy for tasks never seen: candidates fitted on every training task with priors predicted as if each
     * prompt's task were unseen, and, per task, the same fitted without that task, to see how calibration carries
     * over to a kind of prompt met for the first time.
     */
    private Unseen unseen(List<RecordedPrompt> prompts, Map<String, List<RecordedPrompt>> byTask,
                          TrainedPredictor predictor) {
        Evidence evidence = evidence(prompts, predictor, predictor::predictLeavingOutTask);
        Map<String, TaskCandidates> without = new TreeMap<>();
        byTask.keySet().forEach(task -> without.put(task, candidates(prompts.stream()
                .filter(p -> !p.task().equals(task)).toList(), evidence, true)));
        Map<String, Double> bestQuality = new TreeMap<>();
        byTask.forEach((task, taskPrompts) -> {
            SingleModels singles = SingleModels.of(taskPrompts.stream().map(RecordedPrompt::line).toList());
            bestQuality.put(task, singles.get(singles.best()).quality());
        });
        return new Unseen(candidates(prompts, evidence, true), without, byTask, bestQuality, evidence,
                settings.signals(), new TreeMap<>());
    }

    /**
     * Calibration for unseen tasks. A share calibrated on the training tasks lands anywhere on a new task, so the
     * fallback is calibrated to the least share that, fitted without each training task in turn, reached the target
     * on the task left out, every time; when no share up to {@link #HIGHEST_SHARE} does, the one whose worst task
     * came closest.
     */
    private record Unseen(TaskCandidates candidates, Map<String, TaskCandidates> without,
                          Map<String, List<RecordedPrompt>> byTask, Map<String, Double> bestQuality,
                          Evidence evidence, Set<Signal> signals, Map<Double, Double> shares) {

        double share(double target) {
            return shares.computeIfAbsent(target, this::search);
        }

        private double search(double target) {
            double bestShare = target;
            double bestWorst = Double.NEGATIVE_INFINITY;
            int steps = (int) Math.round((HIGHEST_SHARE - target) / SHARE_STEP);
            for (int step = 0; step <= Math.max(0, steps); step++) {
                double share = target + step * SHARE_STEP;
                double worst = Double.POSITIVE_INFINITY;
                for (Map.Entry<String, TaskCandidates> entry : without.entrySet()) {
                    worst = Math.min(worst, reached(entry.getValue().policy(share), entry.getKey()));
                }
                if (worst >= target) {
                    return share;
                }
                if (worst > bestWorst + 1e-12) {
                    bestWorst = worst;
                    bestShare = share;
                }
            }
            return bestShare;
        }

        /** The policy's quality on a task's prompts as a share of that task's best single model. */
        private double reached(TaskPolicy policy, String task) {
            AnswerPolicy decide = policy.family(signals, evidence).at(policy.threshold());
            List<RecordedPrompt> prompts = byTask.get(task);
            double sum = 0;
            for (RecordedPrompt prompt : prompts) {
                sum += prompt.score(decide.answer(prompt.view(), new RecordedAnswers(prompt.line())));
            }
            double best = bestQuality.get(task);
            return best > 0 ? sum / prompts.size() / best : 1;
        }
    }

    /** One family fitted on a task's training prompts, with its honest traces and sweep; calibrated per target later. */
    private record Candidate(PolicyFamily family, List<SweepPoint> sweep, double aiq, List<RecordedPrompt> prompts,
                             Function<RecordedPrompt, DecisionTrace> traces, Map<Double, double[]> costsAt,
                             Map<Double, double[]> scoresAt) {

        SweepPoint operating(double level) {
            return Thresholds.calibrate(sweep, level);
        }

        /** The operating point within a budget of calls to the strongest model. */
        SweepPoint withinCalls(String strongest, double share) {
            return Thresholds.calibrateToCalls(sweep, strongest, share);
        }

        /** A cascade that skips its drafters on some prompts: chosen only in the second round. */
        boolean skips() {
            return family instanceof CascadeFamily cascade && cascade.skipGap() != Double.POSITIVE_INFINITY;
        }

        /** Each training prompt's recorded cost at this threshold. */
        double[] costs(double threshold) {
            return costsAt.computeIfAbsent(threshold, t -> perPrompt(t, (line, choice) -> RunTotals.cost(line, choice)
                    .doubleValue()));
        }

        /** Each training prompt's recorded score at this threshold. */
        double[] scores(double threshold) {
            return scoresAt.computeIfAbsent(threshold, t -> perPrompt(t, RunTotals::score));
        }

        private double[] perPrompt(double threshold, ToDoubleBiFunction<BenchmarkLine, Choice> value) {
            double[] values = new double[prompts.size()];
            for (int i = 0; i < values.length; i++) {
                RecordedPrompt prompt = prompts.get(i);
                values[i] = value.applyAsDouble(prompt.line(), traces.apply(prompt).at(threshold));
            }
            return values;
        }

        /** Whether this one is cheaper than {@code other} by more than chance, per training prompt at the level. */
        boolean clearlyCheaperThan(Candidate other, double level) {
            return clearlyAbove(other.costs(other.operating(level).threshold()), costs(operating(level).threshold()));
        }
    }

    /** Whether the paired per-prompt differences {@code higher − lower} are above zero by more than chance. */
    private static boolean clearlyAbove(double[] higher, double[] lower) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < higher.length; i++) {
            double d = higher[i] - lower[i];
            sum += d;
            squares += d * d;
        }
        int n = higher.length;
        double mean = sum / n;
        double variance = n > 1 ? (squares - n * mean * mean) / (n - 1) : 0;
        return mean > SKIP_EVIDENCE * Math.sqrt(Math.max(0, variance) / n);
    }

    /**
     * The candidate policies fitted for one task (or for all tasks together: the fallback).
     *
     * @param strongest the best single model on these prompts: the one a budget of strong calls counts
     */
    private record TaskCandidates(List<Candidate> candidates, double bestQuality, int prompts, String strongest) {

        /** Calibrated as the target says: to a quality level or to a budget of strong calls. */
        TaskPolicy policy(RouterSettings target) {
            return target.strongCallShare() != null ? withinCalls(target.strongCallShare())
                    : policy(target.targetShare());
        }

        /** The candidate reaching {@code share} of the best training quality cheapest, calibrated to it. */
        TaskPolicy policy(double share) {
            double level = share * bestQuality;
            Candidate chosen = choose(candidates, level);
            return policy(chosen, chosen.operating(level), level);
        }

        /**
         * The candidate with the best training quality when at most {@code share} of the prompts may call the
         * strongest model (the cheapest on a tie), calibrated to that budget. A skipping variant replaces the
         * plain choice only when its quality is higher by more than chance, as it must be cheaper by more than
         * chance at a quality level. The level recorded is the training quality reached.
         */
        TaskPolicy withinCalls(double share) {
            Map<Candidate, SweepPoint> at = new IdentityHashMap<>();
            candidates.forEach(c -> at.put(c, c.withinCalls(strongest, share)));
            Predicate<Candidate> keeps = c -> at.get(c).totals().callShare(strongest) <= share + 1e-12;
            Comparator<Candidate> better = Comparator.comparing((Candidate c) -> !keeps.test(c))
                    .thenComparingDouble(c -> -at.get(c).totals().quality())
                    .thenComparing(c -> at.get(c).totals().costUsd());
            Candidate plain = candidates.stream().filter(c -> !c.skips()).min(better).orElseThrow();
            Candidate chosen = candidates.stream().filter(Candidate::skips).filter(keeps).min(better)
                    .filter(c -> better.compare(c, plain) < 0)
                    .filter(c -> clearlyAbove(c.scores(at.get(c).threshold()), plain.scores(at.get(plain).threshold())))
                    .orElse(plain);
            SweepPoint operating = at.get(chosen);
            return policy(chosen, operating, operating.totals().quality());
        }

        private TaskPolicy policy(Candidate chosen, SweepPoint operating, double level) {
            if (chosen.family() instanceof CascadeFamily cascade) {
                return new TaskPolicy(cascade.name(), cascade.chain(), cascade.acceptance().stream()
                        .map(LogisticModel::weights).toList(), cascade.lastWord(), operating.threshold(), prompts,
                        operating.totals().quality(), operating.totals().costUsd(), level,
                        cascade.skipGap() == Double.POSITIVE_INFINITY ? null : cascade.skipGap(), null);
            }
            ThresholdFamily threshold = (ThresholdFamily) chosen.family();
            return new TaskPolicy(threshold.name(), threshold.byCost(), List.of(), false, operating.threshold(),
                    prompts, operating.totals().quality(), operating.totals().costUsd(), level, null,
                    threshold.otherwise());
        }
    }

    /** The candidates for one task's prompts. */
    private TaskCandidates candidates(List<RecordedPrompt> prompts, Evidence evidence) {
        return candidates(prompts, evidence, false);
    }

    /**
     * @param unseen for tasks never seen: the threshold policies also come in a variant that, when no prediction
     *               clears the threshold, calls the strongest training model rather than the best-predicted one
     */
    private TaskCandidates candidates(List<RecordedPrompt> prompts, Evidence evidence, boolean unseen) {
        List<BenchmarkLine> lines = prompts.stream().map(RecordedPrompt::line).toList();
        SingleModels singles = SingleModels.of(lines);
        List<String> byCost = singles.byModel().keySet().stream()
                .sorted(Comparator.comparing((String m) -> singles.get(m).costUsd()).thenComparing(m -> m)).toList();
        List<Candidate> candidates = new ArrayList<>();
        List<String> otherwise = unseen ? Arrays.asList(null, singles.best()) : Collections.singletonList(null);
        for (String name : List.of(ThresholdFamily.NAME, ThresholdFamily.MARGIN)) {
            if (settings.families().contains(name)) {
                for (String fallback : otherwise) {
                    ThresholdFamily threshold = new ThresholdFamily(byCost, name.equals(ThresholdFamily.MARGIN),
                            fallback, evidence);
                    // The priors of training prompts are leave-one-out predictions: these traces are honest already.
                    candidates.add(candidate(threshold, p -> threshold.trace(p.view(), new RecordedAnswers(p.line())),
                            prompts, singles));
                }
            }
        }
        if (settings.families().contains(CascadeFamily.NAME)) {
            for (List<String> chain : CascadeFitter.chains(singles, byCost)) {
                CascadeFitter.Fitted cascade = CascadeFitter.fit(chain, prompts, settings.signals(), evidence,
                        settings.ridge(), INNER_FOLDS, settings.seed());
                candidates.add(candidate(cascade.family(), cascade.honestTraces()::get, prompts, singles));
                Choice last = Choice.single(chain.get(chain.size() - 1));
                DecisionTrace skipped = threshold -> last;
                List<Double> gaps = prompts.size() < SKIP_MIN_PROMPTS ? List.of() : CascadeFamily.SKIP_GAPS;
                for (double gap : gaps) {
                    CascadeFamily skipping = cascade.family().withSkipGap(gap);
                    // Skipping is decided from the prior alone, a leave-one-out prediction here: honest as well.
                    candidates.add(candidate(skipping, p -> skipping.skips(p.view())
                            ? skipped : cascade.honestTraces().get(p), prompts, singles));
                }
            }
        }
        return new TaskCandidates(candidates, singles.get(singles.best()).quality(), prompts.size(), singles.best());
    }

    private static Candidate candidate(PolicyFamily family, Function<RecordedPrompt, DecisionTrace> honestTraces,
                                       List<RecordedPrompt> prompts, SingleModels singles) {
        List<SweepPoint> sweep = Thresholds.sweep(prompts, honestTraces);
        return new Candidate(family, sweep, aiq(sweep, singles), prompts, honestTraces, new HashMap<>(),
                new HashMap<>());
    }

    /**
     * Reaching the level first, then the cheapest; near-equal costs go to the better curve. Skipping variants are
     * a second round: the cheapest of them that reaches the level replaces that choice only when it is cheaper by
     * more than chance.
     */
    private static Candidate choose(List<Candidate> candidates, double level) {
        Candidate plain = chooseAmong(candidates.stream().filter(c -> !c.skips()).toList(), level);
        if (plain.operating(level).totals().quality() < level) {
            return plain;
        }
        return candidates.stream().filter(Candidate::skips)
                .filter(c -> c.operating(level).totals().quality() >= level)
                .min(Comparator.comparing((Candidate c) -> c.operating(level).totals().costUsd()))
                .filter(c -> c.clearlyCheaperThan(plain, level)).orElse(plain);
    }

    private static Candidate chooseAmong(List<Candidate> candidates, double level) {
        List<Candidate> reaching = candidates.stream().filter(c -> c.operating(level).totals().quality() >= level)
                .toList();
        if (reaching.isEmpty()) {
            return candidates.stream().min(Comparator.comparingDouble((Candidate c) -> -c.operating(level).totals()
                    .quality()).thenComparing(c -> c.operating(level).totals().costUsd())).orElseThrow();
        }
        BigDecimal cheapest = reaching.stream().map(c -> c.operating(level).totals().costUsd())
                .min(Comparator.naturalOrder()).orElseThrow();
        double bound = cheapest.doubleValue() * (1 + COST_TIE);
        return reaching.stream().filter(c -> c.operating(level).totals().costUsd().doubleValue() <= bound)
                .max(Comparator.comparingDouble(Candidate::aiq)).orElseThrow();
    }

    private static double aiq(List<SweepPoint> sweep, SingleModels singles) {
        List<CostQuality> points = new ArrayList<>(sweep.stream().map(p -> p.totals().point()).toList());
        CostQuality cheapest = singles.get(singles.cheapest()).point();
        points.add(cheapest);
        double high = singles.highestCost();
        return high > cheapest.cost() ? QualityHull.of(points).aiq(cheapest.cost(), high) : 0;
    }
}
