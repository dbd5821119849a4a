package dev.switchboard.core.policy;

import java.util.Locale;

/**
 * A stand-in sentence embedder for tests: each word adds one to a hashed one of {@code dimension} dimensions (32
 * unless told), scaled to unit length. Prompts sharing words lie close, as with a real model, and the vectors are
 * known in advance.
 */
public record WordHashEmbedder(String id, int dimension) implements TextEmbedder {

    static final int DIMENSION = 32;

    public WordHashEmbedder() {
        this("word-hash-32");
    }

    public WordHashEmbedder(String id) {
        this(id, DIMENSION);
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode() * 0x9E3779B1, dimension)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < dimension; i++) {
            v[i] = norm > 0 ? (float) (v[i] / Math.sqrt(norm)) : 0;
        }
        return v;
    }
}
