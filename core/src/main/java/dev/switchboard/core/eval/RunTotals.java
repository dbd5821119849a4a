package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.RecordedOutcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The recorded totals of a routing run over some prompts: what its calls cost and how its answers scored.
 *
 * @param prompts   how many prompts
 * @param costUsd   sum of the recorded costs of every call
 * @param quality   mean recorded score of the answering models; null when the data carry no scores (blind)
 * @param callCount by model id, how many prompts called it
 */
public record RunTotals(int prompts, BigDecimal costUsd, Double quality, Map<String, Integer> callCount) {

    public RunTotals {
        callCount = Map.copyOf(callCount);
    }

    /**
     * Totals the choices made for these lines.
     *
     * @throws IllegalArgumentException when a choice calls a model the line has no outcome for
     */
    public static RunTotals of(List<BenchmarkLine> lines, Function<BenchmarkLine, Choice> choices) {
        BigDecimal cost = BigDecimal.ZERO;
        double scoreSum = 0;
        boolean scored = true;
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (BenchmarkLine line : lines) {
            Choice choice = choices.apply(line);
            cost = cost.add(cost(line, choice));
            choice.calls().forEach(model -> calls.merge(model, 1, Integer::sum));
            Double score = score(line, choice);
            scored &= score != null;
            scoreSum += score != null ? score : 0;
        }
        Double quality = !scored || lines.isEmpty() ? null : scoreSum / lines.size();
        return new RunTotals(lines.size(), cost, quality, calls);
    }

    /**
     * What one choice costs on one line: every call's recorded cost.
     *
     * @throws IllegalArgumentException when it calls a model the line has no outcome for
     */
    public static BigDecimal cost(BenchmarkLine line, Choice choice) {
        BigDecimal cost = BigDecimal.ZERO;
        for (String model : choice.calls()) {
            cost = cost.add(outcome(line, model).billedCostUsd());
        }
        return cost;
    }

    /**
     * The recorded score of the model that answered; null when the line carries no score.
     *
     * @throws IllegalArgumentException when the line has no outcome for that model
     */
    public static Double score(BenchmarkLine line, Choice choice) {
        RecordedOutcome answer = outcome(line, choice.answeredBy());
        return answer.hasScore() ? answer.score() : null;
    }

    /** Share of the prompts that called this model. */
    public double callShare(String model) {
        return prompts == 0 ? 0 : callCount.getOrDefault(model, 0) / (double) prompts;
    }

    /** The point of this run on the cost–quality plane; only for scored runs. */
    public CostQuality point() {
        if (quality == null) {
            throw new IllegalStateException("a blind run has no quality");
        }
        return new CostQuality(costUsd.doubleValue(), quality);
    }

    private static RecordedOutcome outcome(BenchmarkLine line, String model) {
        return line.outcome(model).orElseThrow(() -> new IllegalArgumentException(line.id()
                + " has no recorded outcome for " + model));
    }
}
