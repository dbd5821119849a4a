package dev.switchboard.core.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a router is trained.
 *
 * @param targetShare calibration target: the share of the best single model's training quality to reach
 * @param seed        seeds everything random (cross-validation folds); training itself is deterministic
 * @param neighbours  k of the kNN predictor
 * @param priorWeight how strongly the predictor shrinks towards the model's mean score, in similarity units
 * @param families    the policy families training may choose from: {@code threshold}, {@code margin},
 *                    {@code cascade}
 * @param signals     the evidence cascades may weigh
 * @param ridge       L2 penalty of the cascades' acceptance models
 * @param predictor   what the prompt predictor reads: {@code words}, {@code embedding} or {@code blend} (both);
 *                    absent (routers saved before there was a choice): words
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RouterSettings(double targetShare, long seed, int neighbours, double priorWeight, List<String> families,
                             Set<Signal> signals, double ridge, String predictor) {

    public static final double DEFAULT_TARGET = 0.95;
    public static final long DEFAULT_SEED = 20240611L;

    public RouterSettings {
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("target quality share must be in (0, 1], was " + targetShare);
        }
        if (neighbours < 1 || !(priorWeight >= 0) || !(ridge >= 0)) {
            throw new IllegalArgumentException("neighbours must be at least 1 and the prior weight and ridge not "
                    + "negative: " + neighbours + ", " + priorWeight + ", " + ridge);
        }
        families = List.copyOf(families);
        if (families.isEmpty() || !List.of(ThresholdFamily.NAME, ThresholdFamily.MARGIN, CascadeFamily.NAME)
                .containsAll(families)) {
            throw new IllegalArgumentException("families must be among threshold, margin, cascade: " + families);
        }
        signals = signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals);
        predictor = predictor == null ? PredictorState.WORDS : predictor;
        if (!PREDICTORS.contains(predictor)) {
            throw new IllegalArgumentException("predictor must be one of " + PREDICTORS + ", was " + predictor);
        }
    }

    /** The prompt predictors training can fit. */
    public static final List<String> PREDICTORS = List.of(PredictorState.WORDS, PredictorState.EMBEDDING,
            PredictorState.BLEND);

    /** Whether the predictor reads prompt embeddings, so training and deciding need a {@link TextEmbedder}. */
    public boolean needsEmbedder() {
        return !PredictorState.WORDS.equals(predictor);
    }

    /** Both families, every signal, 25 neighbours, the word predictor. */
    public static RouterSettings defaults(double targetShare) {
        return new RouterSettings(targetShare, DEFAULT_SEED, 25, 1.0, List.of(ThresholdFamily.NAME,
                CascadeFamily.NAME), EnumSet.allOf(Signal.class), 0.01, PredictorState.WORDS);
    }

    public RouterSettings withTargetShare(double share) {
        return new RouterSettings(share, seed, neighbours, priorWeight, families, signals, ridge, predictor);
    }

    public RouterSettings withFamilies(List<String> chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, chosen, signals, ridge, predictor);
    }

    public RouterSettings withSignals(Set<Signal> chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, families, chosen, ridge, predictor);
    }

    public RouterSettings withPredictor(String chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, families, signals, ridge, chosen);
    }
}
