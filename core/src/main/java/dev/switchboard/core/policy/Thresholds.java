package dev.switchboard.core.policy;

import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SweepPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
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

    /** The run at every threshold of the grid, each prompt decided by its trace. */
    public static List<SweepPoint> sweep(List<RecordedPrompt> prompts, Function<RecordedPrompt, DecisionTrace> traces) {
        Map<Object, DecisionTrace> byLine = new IdentityHashMap<>();
        prompts.forEach(p -> byLine.put(p.line(), traces.apply(p)));
        List<SweepPoint> points = new ArrayList<>();
        var lines = prompts.stream().map(RecordedPrompt::line).toList();
        for (double threshold : GRID) {
            points.add(new SweepPoint(threshold, RunTotals.of(lines, line -> byLine.get(line).at(threshold))));
        }
        return points;
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
