package dev.switchboard.core.policy;

import dev.switchboard.core.eval.CostQuality;
import dev.switchboard.core.eval.QualityHull;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Trains a router on scored prompts: fits the prompt predictor, then per task (and once over all tasks, for tasks
 * it has not seen) tries each allowed policy family — the threshold policy and cascades over candidate chains —
 * calibrates each to the target on the training prompts and keeps the one that reaches it cheapest.
 */
public final class RouterTrainer {

    /** Costs this close count as equal, and the family with the better curve (AIQ) wins. */
    private static final double COST_TIE = 0.005;
    /** Cascades are calibrated and compared on traces from acceptance models fitted without the prompt. */
    private static final int INNER_FOLDS = 3;

    /** The word predictor's weight in the blend. */
    public static final double BLEND_WORDS_WEIGHT = 0.5;

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
        return train(prompts, models, List.of(settings.targetShare())).get(0);
    }

    /**
     * Routers calibrated to each of these target shares, in their order: one predictor and one set of fitted
     * candidate policies, each share choosing among them and calibrating its own threshold. This is what a user
     * gets by training with {@code --target-quality} set to each share, at the cost of one training.
     *
     * @param models the source's models, in file order
     */
    public List<TrainedRouter> train(List<RecordedPrompt> prompts, List<String> models, List<Double> shares) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no training prompts");
        }
        List<double[]> scores = prompts.stream().map(p -> models.stream().mapToDouble(p::score).toArray()).toList();
        TrainedPredictor predictor = predictor(models, prompts.stream().map(RecordedPrompt::view).toList(), scores);
        Evidence evidence = new Evidence(predictor);
        // Independent per prompt, and the costliest step with embeddings (every pair of training prompts).
        List<Map<String, Double>> leftOut = IntStream.range(0, prompts.size()).parallel()
                .mapToObj(predictor::predictLeavingOut).toList();
        for (int i = 0; i < prompts.size(); i++) {
            evidence.presetPrior(prompts.get(i).view(), leftOut.get(i));
        }
        Map<String, List<RecordedPrompt>> byTask = new TreeMap<>();
        prompts.forEach(p -> byTask.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
        Map<String, TaskCandidates> perTask = new TreeMap<>();
        byTask.forEach((task, taskPrompts) -> perTask.put(task, candidates(taskPrompts, evidence)));
        TaskCandidates all = byTask.size() == 1 ? perTask.values().iterator().next() : candidates(prompts, evidence);
        Map<String, Double> levels = new TreeMap<>();
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            levels.put(models.get(m), scores.stream().mapToDouble(s -> s[model]).average().orElse(0));
        }
        PredictorState state = predictor.state();
        List<TrainedRouter> routers = new ArrayList<>();
        for (double share : shares) {
            Map<String, TaskPolicy> policies = new TreeMap<>();
            perTask.forEach((task, candidates) -> policies.put(task, candidates.policy(share)));
            routers.add(new TrainedRouter(TrainedRouter.FORMAT, settings.withTargetShare(share), models, state,
                    policies, all.policy(share), levels));
        }
        return routers;
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

    /** One family fitted on a task's training prompts, with its honest sweep; calibrated per target later. */
    private record Candidate(PolicyFamily family, List<SweepPoint> sweep, double aiq) {

        SweepPoint operating(double level) {
            return Thresholds.calibrate(sweep, level);
        }
    }

    /** The candidate policies fitted for one task (or for all tasks together: the fallback). */
    private record TaskCandidates(List<Candidate> candidates, double bestQuality, int prompts) {

        /** The candidate reaching {@code share} of the best training quality cheapest, calibrated to it. */
        TaskPolicy policy(double share) {
            double level = share * bestQuality;
            Candidate chosen = choose(candidates, level);
            SweepPoint operating = chosen.operating(level);
            if (chosen.family() instanceof CascadeFamily cascade) {
                return new TaskPolicy(cascade.name(), cascade.chain(), cascade.acceptance().stream()
                        .map(LogisticModel::weights).toList(), cascade.lastWord(), operating.threshold(), prompts,
                        operating.totals().quality(), operating.totals().costUsd(), level);
            }
            ThresholdFamily threshold = (ThresholdFamily) chosen.family();
            return new TaskPolicy(threshold.name(), threshold.byCost(), List.of(), false, operating.threshold(),
                    prompts, operating.totals().quality(), operating.totals().costUsd(), level);
        }
    }

    private TaskCandidates candidates(List<RecordedPrompt> prompts, Evidence evidence) {
        List<BenchmarkLine> lines = prompts.stream().map(RecordedPrompt::line).toList();
        SingleModels singles = SingleModels.of(lines);
        List<String> byCost = singles.byModel().keySet().stream()
                .sorted(Comparator.comparing((String m) -> singles.get(m).costUsd()).thenComparing(m -> m)).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (String name : List.of(ThresholdFamily.NAME, ThresholdFamily.MARGIN)) {
            if (settings.families().contains(name)) {
                ThresholdFamily threshold = new ThresholdFamily(byCost, name.equals(ThresholdFamily.MARGIN), evidence);
                // The priors of training prompts are leave-one-out predictions, so these traces are honest already.
                candidates.add(candidate(threshold, p -> threshold.trace(p.view(), new RecordedAnswers(p.line())),
                        prompts, singles));
            }
        }
        if (settings.families().contains(CascadeFamily.NAME)) {
            for (List<String> chain : CascadeFitter.chains(singles, byCost)) {
                CascadeFitter.Fitted cascade = CascadeFitter.fit(chain, prompts, settings.signals(), evidence,
                        settings.ridge(), INNER_FOLDS, settings.seed());
                candidates.add(candidate(cascade.family(), cascade.honestTraces()::get, prompts, singles));
            }
        }
        return new TaskCandidates(candidates, singles.get(singles.best()).quality(), prompts.size());
    }

    private static Candidate candidate(PolicyFamily family, Function<RecordedPrompt, DecisionTrace> honestTraces,
                                       List<RecordedPrompt> prompts, SingleModels singles) {
        List<SweepPoint> sweep = Thresholds.sweep(prompts, honestTraces);
        return new Candidate(family, sweep, aiq(sweep, singles));
    }

    /** Reaching the level first, then the cheapest; near-equal costs go to the better curve. */
    private static Candidate choose(List<Candidate> candidates, double level) {
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
