package dev.switchboard.core.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts a model's chance of a good answer from the scores it got on the training prompts nearest in meaning:
 * cosine similarity of sentence embeddings ({@link TextEmbedder}), the {@code k} nearest neighbours weighted by
 * similarity, shrunk towards the model's mean score on the task — {@link KnnQualityPredictor} with embeddings in
 * place of hashed words. Neighbours are drawn from the prompt's own task when training had any (a sentence model
 * finds every prompt somewhat similar, and scores of different tasks are on different scales: MT-Bench's judge
 * against MMLU's right or wrong); a task never seen draws from all. The artifact keeps the training vectors as int8 with a scale per vector (a quarter of
 * float32; cosines move by well under 0.01), and training uses the same rounded vectors, so a router predicts the same
 * before it is saved and after it is read.
 */
public final class EmbeddingQualityPredictor implements TrainedPredictor {

    /**
     * One training prompt: its task, every model's score in model order, and its unit vector as int8 codes
     * ({@code vector[i] * scale} is component i; base64 in JSON).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Example(String task, double[] scores, float scale, byte[] vector) {
    }

    /** Everything the predictor needs, as stored in a trained router artifact. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record State(String embedder, int dimension, List<String> models, int neighbours, double priorWeight,
                        List<Example> examples) implements PredictorState {

        public State {
            models = List.copyOf(models);
            examples = List.copyOf(examples);
        }

        @Override
        public EmbeddingQualityPredictor predictor(TextEmbedder given) {
            return new EmbeddingQualityPredictor(this, given);
        }

        @Override
        public String embedderId() {
            return embedder;
        }
    }

    private final State state;
    private final TextEmbedder embedder;
    private final float[] matrix;
    private final NeighbourMean neighbours;
    private final Map<String, Block> blocks = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when the embedder is missing or not the one the state was trained with */
    public EmbeddingQualityPredictor(State state, TextEmbedder embedder) {
        if (embedder == null) {
            throw new IllegalArgumentException("this router predicts from prompt embeddings of " + state.embedder()
                    + ": it needs that embedder to decide");
        }
        if (!embedder.id().equals(state.embedder())) {
            throw new IllegalArgumentException("this router was trained on prompt embeddings of " + state.embedder()
                    + ", but the embedder given is " + embedder.id() + ": vectors of different embedders are not "
                    + "comparable; use " + state.embedder() + " or retrain with this one");
        }
        this.state = state;
        this.embedder = embedder;
        this.matrix = unpack(state);
        this.neighbours = new NeighbourMean(state.examples().stream().map(Example::task).toList(),
                state.examples().stream().map(Example::scores).toList(), state.models().size(), state.neighbours(),
                state.priorWeight());
        state.examples().stream().map(Example::task).distinct().forEach(task -> blocks.put(task,
                Block.of(neighbours.examplesOf(task), matrix, state.dimension())));
    }

    /**
     * Fits the predictor: embeds the training prompts.
     *
     * @param scores per prompt, every model's recorded score in {@code models} order
     */
    public static EmbeddingQualityPredictor train(List<String> models, List<PromptView> prompts,
                                                  List<double[]> scores, int neighbours, double priorWeight,
                                                  TextEmbedder embedder) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            float[] v = embedder.embed(prompts.get(i).text());
            if (v.length != embedder.dimension()) {
                throw new IllegalStateException(embedder.id() + " returned " + v.length + " dimensions, not "
                        + embedder.dimension());
            }
            examples.add(quantise(prompts.get(i).task(), scores.get(i), v));
        }
        return new EmbeddingQualityPredictor(new State(embedder.id(), embedder.dimension(), models, neighbours,
                priorWeight, examples), embedder);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> predict(PromptView prompt) {
        float[] query = embedder.embed(prompt.text());
        return TrainedPredictor.byModel(state.models(), neighbours.estimate(similarities(query, 0, prompt.task()),
                prompt.task(), -1));
    }

    @Override
    public Map<String, Double> predictLeavingOut(int i) {
        String task = state.examples().get(i).task();
        return TrainedPredictor.byModel(state.models(), neighbours.estimate(similarities(matrix,
                i * state.dimension(), task), task, i));
    }

    @Override
    public Map<String, Double> predictLeavingOutTask(int i) {
        String task = state.examples().get(i).task();
        double[] sims = new double[state.examples().size()];
        blocks.forEach((other, block) -> {
            if (!other.equals(task)) {
                block.dot(matrix, i * state.dimension(), sims);
            }
        });
        return TrainedPredictor.byModel(state.models(), neighbours.estimateWithoutTask(sims, task));
    }

    /** Cosine similarity to the candidate neighbours (the task's examples, else all); 0 for the others. */
    private double[] similarities(float[] query, int offset, String task) {
        double[] sims = new double[state.examples().size()];
        Block own = blocks.get(task);
        for (Block block : own != null ? List.of(own) : blocks.values()) {
            block.dot(query, offset, sims);
        }
        return sims;
    }

    /**
     * The vectors of one task's examples stored dimension by dimension, so that the dot products with a query are
     * one multiply-add over a contiguous array per dimension: a loop the JIT turns into SIMD instructions (a row by
     * row sum is not, since that would reorder its additions); about twice as fast over thousands of examples.
     *
     * @param examples the examples of the block, in example order
     * @param columns  component i of example {@code examples[j]} at {@code i * examples.length + j}
     */
    private record Block(int[] examples, float[] columns, int dimension) {

        static Block of(int[] examples, float[] rows, int d) {
            float[] columns = new float[examples.length * d];
            for (int j = 0; j < examples.length; j++) {
                for (int i = 0; i < d; i++) {
                    columns[i * examples.length + j] = rows[examples[j] * d + i];
                }
            }
            return new Block(examples, columns, d);
        }

        void dot(float[] query, int offset, double[] sims) {
            int n = examples.length;
            float[] sum = new float[n];
            for (int i = 0; i < dimension; i++) {
                float q = query[offset + i];
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    sum[j] += q * columns[base + j];
                }
            }
            for (int j = 0; j < n; j++) {
                sims[examples[j]] = sum[j];
            }
        }
    }

    /** int8 codes of a unit vector, scaled by its largest component. */
    static Example quantise(String task, double[] scores, float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max > 0 ? max / 127 : 1;
        byte[] codes = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = (byte) Math.round(v[i] / scale);
        }
        return new Example(task, scores, scale, codes);
    }

    /** The training vectors, back from int8 and scaled to unit length again, one row per example. */
    private static float[] unpack(State state) {
        int d = state.dimension();
        float[] matrix = new float[state.examples().size() * d];
        for (int e = 0; e < state.examples().size(); e++) {
            Example example = state.examples().get(e);
            if (example.vector().length != d) {
                throw new IllegalArgumentException("training vector " + e + " has " + example.vector().length
                        + " dimensions, not " + d);
            }
            double norm = 0;
            for (byte code : example.vector()) {
                norm += (double) code * code;
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int i = 0; i < d; i++) {
                matrix[e * d + i] = example.vector()[i] * scale;
            }
        }
        return matrix;
    }
}
