package dev.switchboard.bench.eval;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.eval.Bootstrap;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.Oracle;
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
     * @param catalog the run's catalog, for the live router's decisions
     */
    public static List<TaskResult> measure(List<RoutedPrompt> routed, ModelCatalog catalog, double target,
                                           boolean scored) {
        return measure(routed, catalog, target, List.of(), scored);
    }

    /**
     * One result per task, as above, with the runs of the routers calibrated to other target shares.
     *
     * @param ladder the shares of {@link RoutedPrompt#ladder}, in its order
     */
    public static List<TaskResult> measure(List<RoutedPrompt> routed, ModelCatalog catalog, double target,
                                           List<Double> ladder, boolean scored) {
        Map<String, List<RoutedPrompt>> byTask = new LinkedHashMap<>();
        routed.forEach(r -> byTask.computeIfAbsent(r.prompt().task(), t -> new ArrayList<>()).add(r));
        List<TaskResult> results = new ArrayList<>();
        byTask.forEach((task, list) -> results.add(measure(task, list, catalog, target, ladder, scored)));
        if (byTask.size() > 1) {
            results.add(measure(OVERALL, routed, catalog, target, ladder, scored));
        }
        return results;
    }

    static TaskResult measure(String task, List<RoutedPrompt> routed, ModelCatalog catalog, double target,
                              List<Double> ladder, boolean scored) {
        List<BenchmarkLine> lines = routed.stream().map(r -> r.prompt().line()).toList();
        Map<BenchmarkLine, RoutedPrompt> byLine = new IdentityHashMap<>();
        routed.forEach(r -> byLine.put(r.prompt().line(), r));
        RunTotals operating = RunTotals.of(lines, line -> byLine.get(line).operating());
        Map<String, Long> families = routed.stream().collect(Collectors.groupingBy(RoutedPrompt::family,
                TreeMap::new, Collectors.counting()));
        if (!scored) {
            return new TaskResult(task, null, operating, List.of(), List.of(), null, null, null, families, null);
        }
        // The policy's curve: every threshold of the sweep, then every router of the ladder, a choice per line.
        List<Function<BenchmarkLine, Choice>> curve = new ArrayList<>();
        for (double threshold : Thresholds.GRID) {
            curve.add(line -> byLine.get(line).trace().at(threshold));
        }
        for (int i = 0; i < ladder.size(); i++) {
            int step = i;
            curve.add(line -> byLine.get(line).ladder().get(step));
        }
        int thresholds = Thresholds.GRID.size();
        List<SweepPoint> sweep = new ArrayList<>();
        for (int k = 0; k < thresholds; k++) {
            sweep.add(new SweepPoint(Thresholds.GRID.get(k), RunTotals.of(lines, curve.get(k))));
        }
        List<TargetPoint> targets = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            targets.add(new TargetPoint(ladder.get(i), RunTotals.of(lines, curve.get(thresholds + i))));
        }
        TaskMetrics metrics = TaskMetrics.of(task, lines, operating, sweep, targets, target);
        Bootstrap bootstrap = Bootstrap.of(lines, curve, target, Bootstrap.RESAMPLES, RouterSettings.DEFAULT_SEED);
        RunTotals oracle = RunTotals.of(lines, line -> Choice.single(Oracle.choose(line)));
        return new TaskResult(task, metrics, operating, sweep, targets, SingleModels.of(lines), oracle,
                liveRouter(routed, lines, catalog), families, bootstrap);
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
