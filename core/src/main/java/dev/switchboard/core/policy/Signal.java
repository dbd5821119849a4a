package dev.switchboard.core.policy;

/**
 * The evidence a cascade may weigh before it accepts an answer; training keeps the ones measurement supports.
 */
public enum Signal {
    /** The predictor's chance that the answering model does well on this prompt (prompt only). */
    PRIOR,
    /** The quality gate's penalty of the answer: refusal, hedging, truncation, missing code or number. */
    GATE,
    /** The prompt asks for a final answer in a known form (letter, JSON, {@code ####}) and the answer breaks it. */
    FINAL_ANSWER,
    /** The answer's written-out arithmetic has a slip. */
    ARITHMETIC,
    /** Share of the other called models whose final answer is the same. */
    AGREEMENT,
    /**
     * Lengths of the answer, of the prompt and of its last paragraph (a few-shot prompt's own question): long
     * problems are harder, rambling answers worse.
     */
    LENGTH;

    /** How many numbers the signal adds to a feature row. */
    int width() {
        return this == LENGTH ? 3 : 1;
    }
}
