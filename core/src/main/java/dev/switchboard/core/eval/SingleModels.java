package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every model answering every prompt of a run on its own: the baselines a router is measured against. */
public record SingleModels(Map<String, RunTotals> byModel) {

    private static final Comparator<Map.Entry<String, RunTotals>> BEST_FIRST = Comparator
            .comparingDouble((Map.Entry<String, RunTotals> e) -> -e.getValue().quality())
            .thenComparing(e -> e.getValue().costUsd()).thenComparing(Map.Entry::getKey);
    private static final Comparator<Map.Entry<String, RunTotals>> CHEAPEST_FIRST = Comparator
            .comparing((Map.Entry<String, RunTotals> e) -> e.getValue().costUsd())
            .thenComparingDouble(e -> -e.getValue().quality()).thenComparing(Map.Entry::getKey);

    public SingleModels {
        if (byModel.isEmpty()) {
            throw new IllegalArgumentException("no model has an outcome for every prompt");
        }
        byModel = Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /** The models that have an outcome on every line, in the first line's order; the lines must carry scores. */
    public static SingleModels of(List<BenchmarkLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no prompts");
        }
        Set<String> everywhere = new LinkedHashSet<>(lines.get(0).outcomes().keySet());
        lines.forEach(line -> everywhere.retainAll(line.outcomes().keySet()));
        Map<String, RunTotals> runs = new LinkedHashMap<>();
        for (String model : everywhere) {
            RunTotals run = RunTotals.of(lines, line -> Choice.single(model));
            if (run.quality() == null) {
                throw new IllegalArgumentException("the prompts carry no scores");
            }
            runs.put(model, run);
        }
        return new SingleModels(runs);
    }

    /** The highest-scoring model, the cheaper on a tie. */
    public String best() {
        return byModel.entrySet().stream().min(BEST_FIRST).orElseThrow().getKey();
    }

    /** The cheapest model, the better on a tie. */
    public String cheapest() {
        return byModel.entrySet().stream().min(CHEAPEST_FIRST).orElseThrow().getKey();
    }

    /** The dearest model's total cost: the top of the cost range AIQ is taken over. */
    public double highestCost() {
        return byModel.values().stream().mapToDouble(r -> r.costUsd().doubleValue()).max().orElseThrow();
    }

    public RunTotals get(String model) {
        return byModel.get(model);
    }

    /** Each model's point, in model order. */
    public List<CostQuality> points() {
        return new ArrayList<>(byModel.values().stream().map(RunTotals::point).toList());
    }
}
