package dev.switchboard.core.policy;

/**
 * Turns a prompt into a dense unit vector, so that similar prompts lie close together. The model runs outside
 * {@code core} (module {@code embedding}); {@code core} only needs the vectors, and the id to check that a trained
 * router is read with the embedder it was trained with.
 */
public interface TextEmbedder {

    /** Names the model and everything else that changes the vectors (such as how long inputs are cut). */
    String id();

    /** Length of every vector. */
    int dimension();

    /** The text's vector, of unit length; the same text always gives the same vector. Thread-safe. */
    float[] embed(String text);
}
