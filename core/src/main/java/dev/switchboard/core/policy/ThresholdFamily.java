package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.routing.QualityTarget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The threshold policy: the cheapest model whose predicted chance of a good answer clears the threshold; when none
 * does, the model with the best prediction (the cheaper on a tie). One call per prompt, decided from the prompt.
 * The {@code margin} variant measures the prediction against the best model's prediction for the same prompt
 * ({@code p >= p_best - (1 - threshold)}), so a prompt that every model is predicted to fail goes to a cheap one.
 *
 * With {@code otherwise} set, a prompt none clears goes to that model instead (the strongest on the training
 * prompts): the highest threshold then always calls it, which the best prediction need not do where predictions
 * do not carry over, as on a kind of prompt never trained on.
 *
 * @param byCost    model ids, cheapest first (by their mean recorded cost on the task's training prompts)
 * @param relative  the margin variant
 * @param otherwise the model for a prompt no model's prediction clears; null: the best-predicted one
 */
public record ThresholdFamily(List<String> byCost, boolean relative, String otherwise, Evidence evidence)
        implements PolicyFamily {

    public static final String NAME = "threshold";
    public static final String MARGIN = "margin";

    public ThresholdFamily {
        byCost = List.copyOf(byCost);
        if (byCost.isEmpty()) {
            throw new IllegalArgumentException("the threshold policy needs at least one model");
        }
        if (otherwise != null && !byCost.contains(otherwise)) {
            throw new IllegalArgumentException("the threshold policy's model for when none reaches the threshold, '"
                    + otherwise + "', is not one of its models " + byCost);
        }
    }

    @Override
    public String name() {
        return relative ? MARGIN : NAME;
    }

    @Override
    public List<String> plannedCalls(PromptView prompt, double threshold) {
        return List.of(pick(evidence.prior(prompt), threshold));
    }

    @Override
    public AnswerPolicy at(double threshold) {
        return (prompt, answers) -> {
            String model = plannedCalls(prompt, threshold).get(0);
            answers.call(model);
            return model;
        };
    }

    @Override
    public DecisionTrace trace(PromptView prompt, AnswerSource answers) {
        Map<String, Double> prior = evidence.prior(prompt);
        Map<String, Choice> choices = new HashMap<>();
        byCost.forEach(model -> choices.put(model, Choice.single(model)));
        return threshold -> choices.get(pick(prior, threshold));
    }

    /** The live router's own rule ({@link QualityTarget#pick}) over the models cheapest first. */
    private String pick(Map<String, Double> prior, double threshold) {
        ToDoubleFunction<String> chance = model -> prior.getOrDefault(model, 0.0);
        double bar = relative ? chance.applyAsDouble(QualityTarget.best(byCost, chance)) - (1 - threshold) : threshold;
        return QualityTarget.pick(byCost, chance, bar, otherwise);
    }
}
