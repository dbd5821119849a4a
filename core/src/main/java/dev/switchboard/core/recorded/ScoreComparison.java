package dev.switchboard.core.recorded;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.eval.Choice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded quality and cost of a routing run next to every single model's on the same prompts: the mean score
 * of the model that answered each prompt, and what every call the run made for it cost as recorded.
 *
 * @param prompts         how many prompts the run covered
 * @param answered        prompts a model answered (the others score 0 and cost nothing)
 * @param routedMeanScore mean recorded score of the answering models, unanswered prompts counted as 0
 * @param routedCostUsd   the recorded cost of every call made for those prompts (drafts included)
 * @param models          each model that has an outcome for every prompt: its mean score and cost had it answered
 *                        all of them, best first
 * @param bestSingleModel the highest-scoring of {@code models}, the cheaper on a tie; null when there is none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScoreComparison(int prompts, int answered, double routedMeanScore, BigDecimal routedCostUsd,
                             List<ModelScore> models, ModelScore bestSingleModel) {

    private static final Comparator<ModelScore> BEST_FIRST = Comparator.comparingDouble(ModelScore::meanScore)
            .reversed().thenComparing(ModelScore::costUsd).thenComparing(ModelScore::model);

    /** One model answering every prompt of the run. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelScore(String model, double meanScore, BigDecimal costUsd) {
    }

    /**
     * Compares a run with the single models.
     *
     * @param runs by line id, the models the run called for it (each billed at its recorded cost, a cascade's
     *             drafts included) and the one whose answer it returned; a line without one was not answered
     */
    public static ScoreComparison of(List<BenchmarkLine> lines, Map<String, Choice> runs) {
        double scoreSum = 0;
        BigDecimal cost = BigDecimal.ZERO;
        int answered = 0;
        for (BenchmarkLine line : lines) {
            Choice run = runs.get(line.id());
            Optional<RecordedOutcome> outcome = run == null ? Optional.empty() : line.outcome(run.answeredBy());
            if (outcome.isPresent()) {
                answered++;
                scoreSum += outcome.get().score();
                for (String call : run.calls()) {
                    cost = cost.add(line.outcome(call).map(RecordedOutcome::billedCostUsd).orElse(BigDecimal.ZERO));
                }
            }
        }
        List<ModelScore> models = singleModels(lines);
        return new ScoreComparison(lines.size(), answered, lines.isEmpty() ? 0 : scoreSum / lines.size(), cost,
                models, models.isEmpty() ? null : models.get(0));
    }

    private static List<ModelScore> singleModels(List<BenchmarkLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Set<String> everywhere = new LinkedHashSet<>(lines.get(0).outcomes().keySet());
        lines.forEach(line -> everywhere.retainAll(line.outcomes().keySet()));
        Map<String, ModelScore> scores = new LinkedHashMap<>();
        for (String model : everywhere) {
            double sum = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (BenchmarkLine line : lines) {
                RecordedOutcome outcome = line.outcomes().get(model);
                sum += outcome.score();
                cost = cost.add(outcome.billedCostUsd());
            }
            scores.put(model, new ModelScore(model, sum / lines.size(), cost));
        }
        List<ModelScore> ranked = new ArrayList<>(scores.values());
        ranked.sort(BEST_FIRST);
        return List.copyOf(ranked);
    }
}
