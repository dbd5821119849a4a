package dev.switchboard.bench.eval;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.eval.Bootstrap;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.Oracle;
import dev.switchboard.core.eval.PairedBootstrap;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.eval.TargetPoint;
import dev.switchboard.core.eval.TaskMetrics;
import dev.switchboard.core.policy.RecordedAnswers;
import dev.switchboard.core.policy.RoutedPrompt;
import dev.switchboard.core.policy.RouterSettings;
import dev.switchboard.core.policy.Thresholds;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.routing.StrategyPolicy;
import dev.switchboard.core.routing.RouteDecision;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Measures routed prompts, per task and over the whole run: the numbers and curves of the report. */
public final class EvalResults {

    /** The name of the whole run's row. */
    public static final String OVERALL = "overall";

    private EvalResults() {
    }

    /**
     * One result per task, in the order tasks first appear, then the overall one when there are several tasks.
     *
     * @param rivals  competitors' approaches run on the same prompts, by name; each compared with the policy
     * @param catalog the run's catalog, for the live router's decisions
     * @param ladder  the shares of {@link RoutedPrompt#ladder}, in its order (the rivals' too)
     */
    public static List<TaskResult> measure(List<RoutedPrompt> routed, Map<String, List<RoutedPrompt>> rivals,
                                           ModelCatalog catalog, double target, List<Double> ladder,
                                           boolean scored) {
        Map<String, List<RoutedPrompt>> byTask = byTask(routed);
        Map<String, Map<String, List<RoutedPrompt>>> rivalsByTask = new LinkedHashMap<>();
        byTask.keySet().forEach(task -> rivalsByTask.put(task, new LinkedHashMap<>()));
        rivals.forEach((name, list) -> byTask(list).forEach((task, ofTask) -> {
            if (!rivalsByTask.containsKey(task)) {
                throw new IllegalStateException("baseline " + name + " decided task " + task + ", the policy did not");
            }
            rivalsByTask.get(task).put(name, ofTask);
        }));
        List<TaskResult> results = new ArrayList<>();
        byTask.forEach((task, list) -> results.add(measure(task, list, rivalsByTask.get(task), catalog, target,
                ladder, scored)));
        if (byTask.size() > 1) {
            results.add(measure(OVERALL, routed, rivals, catalog, target, ladder, scored));
        }
        return results;
    }

    private static Map<String, List<RoutedPrompt>> byTask(List<RoutedPrompt> routed) {
        Map<String, List<RoutedPrompt>> byTask = new LinkedHashMap<>();
        routed.forEach(r -> byTask.computeIfAbsent(r.prompt().task(), t -> new ArrayList<>()).add(r));
        return byTask;
    }

    static TaskResult measure(String task, List<RoutedPrompt> routed, Map<String, List<RoutedPrompt>> rivals,
                              ModelCatalog catalog, double target, List<Double> ladder, boolean scored) {
        List<BenchmarkLine> lines = routed.stream().map(r -> r.prompt().line()).toList();
        Map<BenchmarkLine, RoutedPrompt> byLine = byLine(routed);
        RunTotals operating = RunTotals.of(lines, line -> byLine.get(line).operating());
        Map<String, Long> families = routed.stream().collect(Collectors.groupingBy(RoutedPrompt::family,
                TreeMap::new, Collectors.counting()));
        if (!scored) {
            return new TaskResult(task, null, operating, List.of(), List.of(), null, null, null, families, null,
                    List.of());
        }
        Runs runs = Runs.of(task, lines, byLine, operating, ladder, target);
        Bootstrap bootstrap = Bootstrap.of(lines, runs.curve(), target, Bootstrap.RESAMPLES,
                RouterSettings.DEFAULT_SEED);
        List<Rival> compared = new ArrayList<>();
        rivals.forEach((name, list) -> {
            Map<BenchmarkLine, RoutedPrompt> rivalByLine = byLine(list);
            if (!rivalByLine.keySet().equals(byLine.keySet())) {
                throw new IllegalStateException("baseline " + name + " decided other prompts of " + task
                        + " than the policy");
            }
            Runs rival = Runs.of(task, lines, rivalByLine, RunTotals.of(lines, line -> rivalByLine.get(line)
                    .operating()), ladder, target);
            compared.add(new Rival(name, rival.metrics(), PairedBootstrap.of(lines, runs.curve(), rival.curve(),
                    target, Bootstrap.RESAMPLES, RouterSettings.DEFAULT_SEED)));
        });
        RunTotals oracle = RunTotals.of(lines, line -> Choice.single(Oracle.choose(line)));
        return new TaskResult(task, runs.metrics(), operating, runs.sweep(), runs.targets(), SingleModels.of(lines),
                oracle, liveRouter(routed, lines, catalog), families, bootstrap, compared);
    }

    private static Map<BenchmarkLine, RoutedPrompt> byLine(List<RoutedPrompt> routed) {
        Map<BenchmarkLine, RoutedPrompt> byLine = new IdentityHashMap<>();
        routed.forEach(r -> byLine.put(r.prompt().line(), r));
        return byLine;
    }

    /**
     * A policy's runs on a task: its curve (every threshold of the sweep, then every router of the ladder, a choice
     * per line), those points' totals and its metrics.
     */
    private record Runs(List<Function<BenchmarkLine, Choice>> curve, List<SweepPoint> sweep,
                        List<TargetPoint> targets, TaskMetrics metrics) {

        /** @param operating the policy's run at its calibrated operating point, on the same lines */
        static Runs of(String task, List<BenchmarkLine> lines, Map<BenchmarkLine, RoutedPrompt> byLine,
                       RunTotals operating, List<Double> ladder, double target) {
            List<Function<BenchmarkLine, Choice>> curve = new ArrayList<>();
            List<SweepPoint> sweep = new ArrayList<>();
            for (double threshold : Thresholds.GRID) {
                Function<BenchmarkLine, Choice> point = line -> byLine.get(line).trace().at(threshold);
                curve.add(point);
                sweep.add(new SweepPoint(threshold, RunTotals.of(lines, point)));
            }
            List<TargetPoint> targets = new ArrayList<>();
            for (int i = 0; i < ladder.size(); i++) {
                int step = i;
                Function<BenchmarkLine, Choice> point = line -> byLine.get(line).ladder().get(step);
                curve.add(point);
                targets.add(new TargetPoint(ladder.get(i), RunTotals.of(lines, point)));
            }
            return new Runs(curve, sweep, targets, TaskMetrics.of(task, lines, operating, sweep, targets, target));
        }
    }

    /** The service's current router on the same prompts; null when it would reject one of them. */
    private static RunTotals liveRouter(List<RoutedPrompt> routed, List<BenchmarkLine> lines, ModelCatalog catalog) {
        StrategyPolicy policy = new StrategyPolicy();
        Map<BenchmarkLine, String> primary = new IdentityHashMap<>();
        for (RoutedPrompt r : routed) {
            BenchmarkLine line = r.prompt().line();
            RouteDecision decision = policy.decide(RecordedAnswers.request(line), r.prompt().view().classification(),
                    catalog);
            if (!(decision instanceof RouteDecision.Routed plan)) {
                return null;
            }
            primary.put(line, plan.plan().primaryModel());
        }
        Function<BenchmarkLine, Choice> choice = line -> Choice.single(primary.get(line));
        return RunTotals.of(lines, choice);
    }
}
