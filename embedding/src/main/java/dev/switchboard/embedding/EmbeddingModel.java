package dev.switchboard.embedding;

import java.util.Arrays;
import java.util.Locale;

/**
 * The sentence-embedding models on the class path: quantized ONNX graphs with their tokenizers, from langchain4j's
 * model artifacts, and how each turns token states into one vector (as the model was trained).
 */
public enum EmbeddingModel {

    /** BAAI bge-small-en-v1.5, int8: 12 layers, 384 dimensions, the [CLS] state. */
    BGE_SMALL("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", true),
    /** sentence-transformers all-MiniLM-L6-v2, int8: 6 layers, 384 dimensions, the mean of the token states. */
    MINILM("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", false);

    private final String id;
    private final String graph;
    private final String tokenizer;
    private final boolean clsPooling;

    EmbeddingModel(String id, String graph, String tokenizer, boolean clsPooling) {
        this.id = id;
        this.graph = graph;
        this.tokenizer = tokenizer;
        this.clsPooling = clsPooling;
    }

    public String id() {
        return id;
    }

    /** Class-path resource of the ONNX graph. */
    String graph() {
        return graph;
    }

    /** Class-path resource of the Hugging Face tokenizer.json. */
    String tokenizer() {
        return tokenizer;
    }

    /** Whether the vector is the first token's state (else the mean over tokens). */
    boolean clsPooling() {
        return clsPooling;
    }

    /** By id or short name ({@code bge-small}, {@code minilm}). */
    public static EmbeddingModel of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.id.equals(wanted) || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + name
                        + "', known: bge-small, minilm"));
    }
}
