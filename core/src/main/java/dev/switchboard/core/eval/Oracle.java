package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.RecordedOutcome;

import java.util.Comparator;
import java.util.Map;

/**
 * The oracle of the routing data set: for each prompt the cheapest model that scored 1, else the best-scoring
 * one (the cheapest among equals). It reads the scores, so it is a bound for routers, never a router.
 */
public final class Oracle {

    private static final double CORRECT = 1.0;

    private Oracle() {
    }

    /** The oracle's model for this prompt. */
    public static String choose(BenchmarkLine line) {
        Comparator<Map.Entry<String, RecordedOutcome>> cheapest = Comparator.comparing(e -> e.getValue()
                .billedCostUsd());
        return line.outcomes().entrySet().stream()
                .filter(e -> score(line, e.getValue()) >= CORRECT)
                .min(cheapest)
                .or(() -> line.outcomes().entrySet().stream().min(Comparator
                        .comparingDouble((Map.Entry<String, RecordedOutcome> e) -> -score(line, e.getValue()))
                        .thenComparing(cheapest)))
                .orElseThrow().getKey();
    }

    private static double score(BenchmarkLine line, RecordedOutcome outcome) {
        if (!outcome.hasScore()) {
            throw new IllegalArgumentException(line.id() + " has no scores: the oracle needs them");
        }
        return outcome.score();
    }
}
