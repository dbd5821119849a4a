package dev.switchboard.core.baseline;

import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.Folds;
import dev.switchboard.core.policy.LogisticModel;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.TextEmbedder;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * RouteLLM's matrix-factorisation router ({@code mf}, Ong et al. 2024), with two models. RouteLLM scores a prompt
 * as {@code w · ((v_strong − v_weak) ⊙ (W e))}, {@code e} the prompt's embedding, and calls the strong model when
 * the sigmoid of that score reaches the threshold; it is trained with binary cross-entropy on the comparisons the
 * strong or the weak model won, ties left out. With two models that score is one linear function of the embedding,
 * {@code (W^T (w ⊙ (v_strong − v_weak))) · e}: a logistic regression on the prompt vector, which is what this fits,
 * by Newton's method instead of RouteLLM's 100 epochs of Adam.
 * <p>
 * Rebuilt on the evaluator's terms: the comparisons are the task's training prompts (RouteLLM's come from Chatbot
 * Arena and GPT-4-judged data), the vectors come from Switchboard's embedder. RouteLLM regularises with weight
 * decay and input noise; here the L2 penalty is chosen per task from {@link #RIDGES} by held-out log-loss over
 * {@link #FOLDS} inner folds, whose held-out predictions also calibrate the threshold.
 */
record LinearWinRate(TextEmbedder embedder, long seed) implements Baseline {

    static final String NAME = "routellm-mf";
    static final List<Double> RIDGES = List.of(1.0, 10.0, 100.0);
    static final int FOLDS = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RouteLLM matrix factorisation (with two models: logistic regression on the prompt vector) between "
                + "the cheapest and the best model, on the task's training prompts and " + embedder.id()
                + " vectors";
    }

    @Override
    public Fitted fit(List<RecordedPrompt> train, SingleModels singles, double level) {
        StrongWeakPair pair = StrongWeakPair.of(singles);
        int size = train.size();
        double[][] rows = new double[size][];
        double[] labels = new double[size];
        Map<RecordedPrompt, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < size; i++) {
            rows[i] = vector(train.get(i));
            labels[i] = pair.label(train.get(i), Double.NaN);
            index.put(train.get(i), i);
        }
        int[] fold = Folds.dealt(size, FOLDS, seed);
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestRidge = RIDGES.get(0);
        double[] heldOut = null;
        for (double ridge : RIDGES) {
            double[] predicted = new double[size];
            for (int f = 0; f < FOLDS; f++) {
                int held = f;
                LogisticModel model = fit(rows, labels, i -> fold[i] != held, ridge);
                for (int i = 0; i < size; i++) {
                    if (fold[i] == held) {
                        predicted[i] = model.probability(rows[i]);
                    }
                }
            }
            double loss = logLoss(predicted, labels);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestRidge = ridge;
                heldOut = predicted;
            }
        }
        LogisticModel model = fit(rows, labels, i -> true, bestRidge);
        double[] honest = heldOut;
        return new Fitted() {
            @Override
            public DecisionTrace trace(RecordedPrompt prompt) {
                return pair.trace(model.probability(vector(prompt)));
            }

            @Override
            public DecisionTrace honestTrace(RecordedPrompt prompt) {
                return pair.trace(honest[index.get(prompt)]);
            }
        };
    }

    private double[] vector(RecordedPrompt prompt) {
        float[] v = embedder.embed(prompt.view().text());
        double[] row = new double[v.length];
        for (int d = 0; d < v.length; d++) {
            row[d] = v[d];
        }
        return row;
    }

    /** Fitted on the comparisons {@code use} admits that one model won (ties, labelled NaN, are left out). */
    private static LogisticModel fit(double[][] rows, double[] labels, IntPredicate use,
                                     double ridge) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (use.test(i) && !Double.isNaN(labels[i])) {
                x.add(rows[i]);
                y.add(labels[i]);
            }
        }
        if (x.isEmpty()) { // no comparison either model won: no preference, an even chance
            return new LogisticModel(new double[rows[0].length + 1]);
        }
        return LogisticModel.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(),
                ridge);
    }

    /** Mean log-loss over the comparisons one model won. */
    private static double logLoss(double[] predicted, double[] labels) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (!Double.isNaN(labels[i])) {
                double p = Math.min(1 - 1e-9, Math.max(1e-9, predicted[i]));
                sum -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
