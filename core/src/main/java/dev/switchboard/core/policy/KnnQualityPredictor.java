package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Predicts a model's chance of a good answer from the scores it got on the most similar training prompts: cosine
 * similarity of TF-IDF weighted hashed words, the {@code k} nearest neighbours weighted by similarity, shrunk
 * towards the model's mean score on the task (or on all training prompts for a task never seen).
 */
public final class KnnQualityPredictor implements QualityPredictor {

    /** One training prompt: its task, its TF-IDF vector and every model's recorded score, in model order. */
    public record Example(String task, SparseVector vector, double[] scores) {
    }

    /** Everything the predictor needs, as stored in a trained router artifact. */
    public record State(List<String> models, int neighbours, double priorWeight, int documents,
                        Map<Integer, Float> idf, List<Example> examples) {
    }

    private final State state;
    private final Map<Integer, Postings> postings;
    private final Map<String, double[]> taskMeans;
    private final double[] overallMeans;

    public KnnQualityPredictor(State state) {
        this.state = state;
        this.postings = invert(state.examples());
        this.taskMeans = new HashMap<>();
        this.overallMeans = means(state.examples(), null, state.models().size());
        state.examples().stream().map(Example::task).distinct()
                .forEach(task -> taskMeans.put(task, means(state.examples(), task, state.models().size())));
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

    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> predict(PromptView prompt) {
        SparseVector vector = TextFeatures.tfIdf(TextFeatures.counts(prompt.text()), state.idf(),
                TextFeatures.unseenIdf(state.documents()));
        return predict(vector, prompt.task(), -1);
    }

    /** The prediction for training prompt {@code i} from the other training prompts (leave one out). */
    public Map<String, Double> predictLeavingOut(int i) {
        Example example = state.examples().get(i);
        return predict(example.vector(), example.task(), i);
    }

    private Map<String, Double> predict(SparseVector vector, String task, int excluded) {
        double[] prior = taskMeans.getOrDefault(task, overallMeans);
        double[] sum = new double[state.models().size()];
        double weight = 0;
        for (Neighbour n : nearest(vector, excluded)) {
            double[] scores = state.examples().get(n.doc()).scores();
            for (int m = 0; m < sum.length; m++) {
                sum[m] += n.similarity() * scores[m];
            }
            weight += n.similarity();
        }
        Map<String, Double> predicted = new LinkedHashMap<>();
        for (int m = 0; m < sum.length; m++) {
            double p = (sum[m] + state.priorWeight() * prior[m]) / (weight + state.priorWeight());
            predicted.put(state.models().get(m), Math.max(0, Math.min(1, p)));
        }
        return predicted;
    }

    private record Neighbour(int doc, double similarity) {
    }

    private List<Neighbour> nearest(SparseVector query, int excluded) {
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
        // Ties go to the earlier training prompt, so the neighbours are the same on every run.
        PriorityQueue<Neighbour> top = new PriorityQueue<>((a, b) -> a.similarity() != b.similarity()
                ? Double.compare(a.similarity(), b.similarity()) : Integer.compare(b.doc(), a.doc()));
        for (int doc = 0; doc < dots.length; doc++) {
            if (doc != excluded && dots[doc] > 0) {
                top.add(new Neighbour(doc, dots[doc]));
                if (top.size() > state.neighbours()) {
                    top.poll();
                }
            }
        }
        return new ArrayList<>(top);
    }

    private static double[] means(List<Example> examples, String task, int models) {
        double[] sum = new double[models];
        int n = 0;
        for (Example e : examples) {
            if (task == null || task.equals(e.task())) {
                for (int m = 0; m < models; m++) {
                    sum[m] += e.scores()[m];
                }
                n++;
            }
        }
        for (int m = 0; m < models; m++) {
            sum[m] = n == 0 ? 0.5 : sum[m] / n;
        }
        return sum;
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
