package dev.switchboard.core.baseline;

import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.TextEmbedder;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RouteLLM's similarity-weighted ranking router ({@code sw_ranking}, Ong et al. 2024), with two models. RouteLLM
 * weighs every recorded comparison by {@code 10 · 10^(s / max s)}, {@code s} its prompt's cosine similarity to the
 * new prompt, fits Bradley–Terry ratings to the weighted comparisons with a tie counted as a win for each side, and
 * calls the strong model when its win rate reaches the threshold. With two models the fitted win rate is the
 * weighted share of the comparisons the strong model won, ties counting half: that is what this computes.
 * <p>
 * Rebuilt on the evaluator's terms: the comparisons are the task's training prompts (RouteLLM's come from Chatbot
 * Arena), the prompt vectors come from Switchboard's embedder (RouteLLM uses OpenAI's text-embedding-3-small).
 */
record SimilarityWeightedRanking(TextEmbedder embedder) implements Baseline {

    static final String NAME = "routellm-sw";
    /** RouteLLM counts a tie as a win for each side: half a win in a two-model comparison. */
    private static final double TIE = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RouteLLM similarity-weighted ranking between the cheapest and the best model, on the task's "
                + "training prompts and " + embedder.id() + " vectors";
    }

    @Override
    public Fitted fit(List<RecordedPrompt> train, SingleModels singles, double level) {
        StrongWeakPair pair = StrongWeakPair.of(singles);
        float[][] vectors = new float[train.size()][];
        double[] labels = new double[train.size()];
        Map<RecordedPrompt, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < train.size(); i++) {
            vectors[i] = embedder.embed(train.get(i).view().text());
            labels[i] = pair.label(train.get(i), TIE);
            index.put(train.get(i), i);
        }
        return new Fitted() {
            @Override
            public DecisionTrace trace(RecordedPrompt prompt) {
                return pair.trace(winRate(vectors, labels, embedder.embed(prompt.view().text()), -1));
            }

            @Override
            public DecisionTrace honestTrace(RecordedPrompt prompt) {
                int self = index.get(prompt);
                return pair.trace(winRate(vectors, labels, vectors[self], self));
            }
        };
    }

    /** The similarity-weighted share of comparisons the strong model won, leaving out comparison {@code skip}. */
    static double winRate(float[][] vectors, double[] labels, float[] query, int skip) {
        double[] similarity = new double[vectors.length];
        double most = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            if (i == skip) {
                continue;
            }
            double dot = 0;
            for (int d = 0; d < query.length; d++) {
                dot += vectors[i][d] * query[d];
            }
            similarity[i] = dot;
            most = Math.max(most, dot);
        }
        double won = 0;
        double total = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (i == skip) {
                continue;
            }
            // RouteLLM's weighting; when no prompt is similar at all (most <= 0) every comparison counts alike.
            double weight = most > 0 ? 10 * Math.pow(10, similarity[i] / most) : 1;
            won += weight * labels[i];
            total += weight;
        }
        return total > 0 ? won / total : TIE;
    }
}
