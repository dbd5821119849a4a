package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts a model's chance of a good answer from the scores it got on the most similar training prompts: cosine
 * similarity of TF-IDF weighted hashed words, the {@code k} nearest neighbours weighted by similarity, shrunk
 * towards the model's mean score on the task (or on all training prompts for a task never seen).
 */
public final class KnnQualityPredictor implements TrainedPredictor {

    /** One training prompt: its task, its TF-IDF vector and every model's recorded score, in model order. */
    public record Example(String task, SparseVector vector, double[] scores) {
    }

    /** Everything the predictor needs, as stored in a trained router artifact. */
    public record State(List<String> models, int neighbours, double priorWeight, int documents,
                        Map<Integer, Float> idf, List<Example> examples) implements PredictorState {

        @Override
        public KnnQualityPredictor predictor(TextEmbedder embedder) {
            return new KnnQualityPredictor(this);
        }

        @Override
        public String embedderId() {
            return null;
        }
    }

    private final State state;
    private final Map<Integer, Postings> postings;
    private final NeighbourMean neighbours;

    public KnnQualityPredictor(State state) {
        this.state = state;
        this.postings = invert(state.examples());
        this.neighbours = new NeighbourMean(state.examples().stream().map(Example::task).toList(),
                state.examples().stream().map(Example::scores).toList(), state.models().size(), state.neighbours(),
                state.priorWeight());
    }

    /**
     * Fits the predictor: the IDF of the training prompts and their vectors.
     *
     * @param scores per prompt, every model's recorded score in {@code models} order
     */
    public static KnnQualityPredictor train(List<String> models, List<PromptView> prompts, List<double[]> scores,
                                            int neighbours, double priorWeight) {
        List<SparseVector> counts = prompts.stream().map(p -> TextFeatures.counts(p.text())).toList();
        Map<Integer, Float> idf = TextFeatures.idf(counts);
        float unseen = TextFeatures.unseenIdf(prompts.size());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            examples.add(new Example(prompts.get(i).task(), TextFeatures.tfIdf(counts.get(i), idf, unseen),
                    scores.get(i)));
        }
        return new KnnQualityPredictor(new State(List.copyOf(models), neighbours, priorWeight, prompts.size(), idf,
                examples));
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> predict(PromptView prompt) {
        SparseVector vector = TextFeatures.tfIdf(TextFeatures.counts(prompt.text()), state.idf(),
                TextFeatures.unseenIdf(state.documents()));
        return TrainedPredictor.byModel(state.models(), neighbours.estimate(similarities(vector), prompt.task(), -1));
    }

    @Override
    public Map<String, Double> predictLeavingOut(int i) {
        Example example = state.examples().get(i);
        return TrainedPredictor.byModel(state.models(), neighbours.estimate(similarities(example.vector()),
                example.task(), i));
    }

    @Override
    public Map<String, Double> predictLeavingOutTask(int i) {
        Example example = state.examples().get(i);
        return TrainedPredictor.byModel(state.models(), neighbours.estimateWithoutTask(similarities(example.vector()),
                example.task()));
    }

    /** Cosine similarity to every training prompt (both vectors have unit length), through the inverted index. */
    private double[] similarities(SparseVector query) {
        double[] dots = new double[state.examples().size()];
        for (int i = 0; i < query.index().length; i++) {
            Postings list = postings.get(query.index()[i]);
            if (list == null) {
                continue;
            }
            double q = query.value()[i];
            for (int j = 0; j < list.docs.length; j++) {
                dots[list.docs[j]] += q * list.weights[j];
            }
        }
        return dots;
    }

    private record Postings(int[] docs, float[] weights) {
    }

    private static Map<Integer, Postings> invert(List<Example> examples) {
        Map<Integer, List<int[]>> lists = new HashMap<>();
        for (int d = 0; d < examples.size(); d++) {
            SparseVector v = examples.get(d).vector();
            for (int i = 0; i < v.index().length; i++) {
                lists.computeIfAbsent(v.index()[i], k -> new ArrayList<>()).add(new int[]{d, Float.floatToIntBits(
                        v.value()[i])});
            }
        }
        Map<Integer, Postings> postings = new HashMap<>();
        lists.forEach((bucket, entries) -> {
            int[] docs = new int[entries.size()];
            float[] weights = new float[entries.size()];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = entries.get(i)[0];
                weights[i] = Float.intBitsToFloat(entries.get(i)[1]);
            }
            postings.put(bucket, new Postings(docs, weights));
        });
        return postings;
    }
}
