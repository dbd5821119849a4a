package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The thresholds a policy family is swept over, and calibration: picking the operating point from a sweep. */
public final class Thresholds {

    /** 0 to 1 in steps of 0.005, then just above 1: the setting that never accepts early. */
    public static final List<Double> GRID = grid();

    private Thresholds() {
    }

    private static List<Double> grid() {
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            grid.add(i / 200.0);
        }
        grid.add(1.0001);
        return List.copyOf(grid);
    }

    /**
     * The run at every threshold of the grid, each prompt decided by its trace. Equal to
     * {@code RunTotals.of(lines, line -> trace(line).at(threshold))} at each threshold, sums included (the same
     * additions in the same order), but each prompt's cost, score and calls are worked out once per distinct decision
     * along the grid instead of once per threshold: a decision changes at a few thresholds at most.
     */
    public static List<SweepPoint> sweep(List<RecordedPrompt> prompts, Function<RecordedPrompt, DecisionTrace> traces) {
        int size = prompts.size();
        Map<String, Integer> modelIndex = new LinkedHashMap<>();
        int[][] atGrid = new int[size][GRID.size()];
        boolean[] changed = new boolean[GRID.size()];
        changed[0] = true;
        List<List<Decided>> decided = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            RecordedPrompt prompt = prompts.get(p);
            List<Decided> distinct = new ArrayList<>(2);
            DecisionTrace trace = traces.apply(prompt);
            Choice previous = null;
            for (int t = 0; t < GRID.size(); t++) {
                Choice choice = trace.at(GRID.get(t));
                if (previous == null || !(choice == previous || choice.equals(previous))) {
                    int index = indexOf(distinct, choice);
                    if (index < 0) {
                        index = distinct.size();
                        distinct.add(Decided.of(prompt.line(), choice, modelIndex));
                    }
                    changed[t] |= previous != null && index != atGrid[p][t - 1];
                    previous = choice;
                    atGrid[p][t] = index;
                } else {
                    atGrid[p][t] = atGrid[p][t - 1];
                }
            }
            decided.add(distinct);
        }
        List<String> models = List.copyOf(modelIndex.keySet());
        List<SweepPoint> points = new ArrayList<>(GRID.size());
        for (int t = 0; t < GRID.size(); t++) {
            if (!changed[t]) { // every prompt decided as at the threshold before: the same sums
                points.add(new SweepPoint(GRID.get(t), points.get(t - 1).totals()));
                continue;
            }
            BigDecimal cost = BigDecimal.ZERO;
            double scoreSum = 0;
            boolean scored = true;
            int[] calls = new int[models.size()];
            for (int p = 0; p < size; p++) {
                Decided decision = decided.get(p).get(atGrid[p][t]);
                cost = cost.add(decision.cost());
                for (int model : decision.calls()) {
                    calls[model]++;
                }
                scored &= decision.score() != null;
                scoreSum += decision.score() != null ? decision.score() : 0;
            }
            Map<String, Integer> callCount = new LinkedHashMap<>();
            for (int m = 0; m < calls.length; m++) {
                if (calls[m] > 0) {
                    callCount.put(models.get(m), calls[m]);
                }
            }
            Double quality = !scored || size == 0 ? null : scoreSum / size;
            points.add(new SweepPoint(GRID.get(t), new RunTotals(size, cost, quality, callCount)));
        }
        return points;
    }

    private static int indexOf(List<Decided> distinct, Choice choice) {
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i).choice().equals(choice)) {
                return i;
            }
        }
        return -1;
    }

    /** One decision for one prompt, with what it costs and scores and the models it calls (by index). */
    private record Decided(Choice choice, BigDecimal cost, Double score, int[] calls) {

        static Decided of(BenchmarkLine line, Choice choice, Map<String, Integer> modelIndex) {
            return new Decided(choice, RunTotals.cost(line, choice), RunTotals.score(line, choice), choice.calls()
                    .stream().mapToInt(m -> modelIndex.computeIfAbsent(m, k -> modelIndex.size())).toArray());
        }
    }

    /**
     * Calibration to a quality level: the cheapest point of the sweep whose quality reaches it (the lower
     * threshold on a tie); when none does, the best quality, the cheapest of those.
     */
    public static SweepPoint calibrate(List<SweepPoint> sweep, double level) {
        Comparator<SweepPoint> cheapest = Comparator.comparing((SweepPoint p) -> p.totals().costUsd())
                .thenComparingDouble(SweepPoint::threshold);
        return sweep.stream().filter(p -> p.totals().quality() >= level).min(cheapest)
                .orElseGet(() -> sweep.stream().min(Comparator.comparingDouble((SweepPoint p) -> -p.totals()
                        .quality()).thenComparing(cheapest)).orElseThrow());
    }

    /**
     * Calibration to a budget of calls to one model (the strongest): the best-quality point of the sweep in which
     * at most {@code share} of the prompts call it (the cheapest, then the lower threshold, on a tie); when none
     * stays within it, the point calling it least, the best quality of those.
     */
    public static SweepPoint calibrateToCalls(List<SweepPoint> sweep, String model, double share) {
        Comparator<SweepPoint> best = Comparator.comparingDouble((SweepPoint p) -> -p.totals().quality())
                .thenComparing(p -> p.totals().costUsd()).thenComparingDouble(SweepPoint::threshold);
        return sweep.stream().filter(p -> p.totals().callShare(model) <= share + 1e-12).min(best)
                .orElseGet(() -> sweep.stream().min(Comparator.comparingDouble((SweepPoint p) -> p.totals()
                        .callShare(model)).thenComparing(best)).orElseThrow());
    }
}
