package dev.switchboard.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.switchboard.core.policy.TextEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A sentence-embedding model run in process with ONNX Runtime. Only the last {@code maxTokens} tokens of a prompt
 * are read: that bounds the latency, and a few-shot prompt puts the question that sets it apart at the end (its
 * examples, shared by every prompt of the task, come first). Loads the model once; {@link #embed} is thread-safe.
 */
public final class OnnxTextEmbedder implements TextEmbedder, AutoCloseable {

    /** Characters kept before tokenizing: far more than {@code maxTokens} tokens, so tokenizing stays bounded too. */
    private static final int CHARS_PER_TOKEN_BOUND = 16;

    private final EmbeddingModel model;
    private final int maxTokens;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean typeIds;
    private final HuggingFaceTokenizer tokenizer;
    private final long start;
    private final long end;
    private final int dimension;

    /**
     * @param maxTokens tokens read from the end of the text (not counting the start and end markers), at most 510
     * @param threads   ONNX Runtime's intra-op threads for one call
     */
    public OnnxTextEmbedder(EmbeddingModel model, int maxTokens, int threads) {
        if (maxTokens < 1 || maxTokens > 510) {
            throw new IllegalArgumentException("maxTokens must be in 1..510 (the models read 512), was " + maxTokens);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.model = model;
        this.maxTokens = maxTokens;
        try {
            this.environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                // Idle pool threads sleep instead of spinning: on a small machine shared with the rest of the
                // service, spinning threads take the CPU the other calls need (2 threads, 64 tokens, a loaded
                // 2-core machine: 32 ms a call spinning, 16-19 ms without).
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                this.session = environment.createSession(resource(model.graph()), options);
            }
            Set<String> inputs = session.getInputNames();
            this.typeIds = inputs.contains("token_type_ids");
            try (InputStream in = stream(model.tokenizer())) {
                // No truncation or padding by the tokenizer: the cut is ours, from the end.
                this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false",
                        "padding", "false"));
            }
            long[] markers = tokenizer.encode("", true, false).getIds();
            this.start = markers[0];
            this.end = markers[markers.length - 1];
            this.dimension = run(new long[]{start, end}).length;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + model.id() + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model.id(), e);
        }
    }

    /** The embedder an id names ({@code <model>/last-<tokens>}, as {@link #id} writes it), on 1 thread. */
    public static OnnxTextEmbedder forId(String id) {
        return forId(id, 1);
    }

    /**
     * The embedder an id names, for reading a router trained with it.
     *
     * @throws IllegalArgumentException when the id names no model here
     */
    public static OnnxTextEmbedder forId(String id, int threads) {
        int cut = cut(id);
        return new OnnxTextEmbedder(EmbeddingModel.of(id.substring(0, cut)), tokens(id, cut), threads);
    }

    /** The id as {@link #id} writes it ({@code minilm/last-128} → {@code all-minilm-l6-v2-q/last-128}). */
    public static String normalise(String id) {
        int cut = cut(id);
        return id(EmbeddingModel.of(id.substring(0, cut)), tokens(id, cut));
    }

    private static int cut(String id) {
        int cut = id == null ? -1 : id.lastIndexOf("/last-");
        if (cut < 0) {
            throw new IllegalArgumentException("not an embedder id (<model>/last-<tokens>): " + id);
        }
        return cut;
    }

    private static int tokens(String id, int cut) {
        try {
            return Integer.parseInt(id.substring(cut + "/last-".length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an embedder id (<model>/last-<tokens>): " + id);
        }
    }

    /** What {@link #id} returns for this model and cut, without loading the model. */
    public static String id(EmbeddingModel model, int maxTokens) {
        return model.id() + "/last-" + maxTokens;
    }

    @Override
    public String id() {
        return id(model, maxTokens);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public EmbeddingModel model() {
        return model;
    }

    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public float[] embed(String text) {
        try {
            return run(tokens(text == null ? "" : text));
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        }
    }

    /** The ids the model reads: start marker, the last {@code maxTokens} tokens of the text, end marker. */
    long[] tokens(String text) {
        int bound = maxTokens * CHARS_PER_TOKEN_BOUND;
        String tail = text.length() > bound ? text.substring(text.length() - bound) : text;
        Encoding encoding = tokenizer.encode(tail, false, false);
        long[] ids = encoding.getIds();
        String[] pieces = encoding.getTokens();
        int from = Math.max(0, ids.length - maxTokens);
        // A cut inside a word would start on a continuation piece ("##ing"); start at the next whole word.
        while (from > 0 && from < ids.length && pieces[from].startsWith("##")) {
            from++;
        }
        long[] input = new long[ids.length - from + 2];
        input[0] = start;
        System.arraycopy(ids, from, input, 1, ids.length - from);
        input[input.length - 1] = end;
        return input;
    }

    private float[] run(long[] ids) throws OrtException {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
                        shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor states = (OnnxTensor) result.get(0);
                long[] dims = states.getInfo().getShape(); // [1, tokens, dimension]
                return normalise(pool(states.getFloatBuffer(), (int) dims[1], (int) dims[2]));
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(FloatBuffer states, int tokens, int width) {
        float[] vector = new float[width];
        if (model.clsPooling()) {
            states.get(vector, 0, width);
            return vector;
        }
        double[] sum = new double[width];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < width; i++) {
                sum[i] += states.get(t * width + i);
            }
        }
        for (int i = 0; i < width; i++) {
            vector[i] = (float) (sum[i] / tokens);
        }
        return vector;
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        InputStream in = OnnxTextEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the embedding model file " + name + " is not on the class path");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the embedding model: " + e.getMessage(), e);
        }
        tokenizer.close();
    }
}
