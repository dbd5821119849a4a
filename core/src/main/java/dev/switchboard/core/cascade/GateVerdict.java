package dev.switchboard.core.cascade;

import java.util.List;

/**
 * The quality gate's view of one answer.
 *
 * @param score   in [0, 1]; 1 when no warning sign was seen
 * @param reasons the warning signs, in the order checked; empty when none
 */
public record GateVerdict(double score, List<String> reasons) {

    /** An answer with nothing against it. */
    public static final GateVerdict PASS = new GateVerdict(1.0, List.of());

    public GateVerdict {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("gate score must be in [0, 1], was " + score);
        }
        reasons = List.copyOf(reasons);
    }

    /** Whether a step with this acceptance threshold takes the answer; no threshold takes any answer. */
    public boolean accepts(Double threshold) {
        return threshold == null || score >= threshold;
    }
}
