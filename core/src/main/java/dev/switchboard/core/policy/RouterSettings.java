package dev.switchboard.core.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * @param strongCallShare calibrate to a budget of strong-model calls instead of a quality level: at most this share
 *                    of each task's training prompts may call its strongest model (the best single model), and within
 *                    that the best quality (RouteLLM's way to set a router's threshold); null: calibrate to
 *                    {@code targetShare} of the best model's quality
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RouterSettings(double targetShare, long seed, int neighbours, double priorWeight, List<String> families,
                             Set<Signal> signals, double ridge, String predictor, Double strongCallShare) {

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
        if (strongCallShare != null && !(strongCallShare >= 0 && strongCallShare <= 1)) {
            throw new IllegalArgumentException("the share of strong-model calls must be in [0, 1], was "
                    + strongCallShare);
        }
    }

    /** Settings calibrating to a quality level ({@code targetShare}). */
    public RouterSettings(double targetShare, long seed, int neighbours, double priorWeight, List<String> families,
                          Set<Signal> signals, double ridge, String predictor) {
        this(targetShare, seed, neighbours, priorWeight, families, signals, ridge, predictor, null);
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

    /** Calibrated to this share of the best model's quality (and to no budget of strong-model calls). */
    public RouterSettings withTargetShare(double share) {
        return new RouterSettings(share, seed, neighbours, priorWeight, families, signals, ridge, predictor, null);
    }

    /** Calibrated to at most this share of strong-model calls; null: to the quality target. */
    public RouterSettings withStrongCallShare(Double share) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, families, signals, ridge, predictor,
                share);
    }

    public RouterSettings withFamilies(List<String> chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, chosen, signals, ridge, predictor,
                strongCallShare);
    }

    public RouterSettings withSignals(Set<Signal> chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, families, chosen, ridge, predictor,
                strongCallShare);
    }

    public RouterSettings withPredictor(String chosen) {
        return new RouterSettings(targetShare, seed, neighbours, priorWeight, families, signals, ridge, chosen,
                strongCallShare);
    }

    /** How the router is calibrated, for logs and reports. */
    public String calibration() {
        return strongCallShare != null
                ? "at most " + percent(strongCallShare) + " of prompts calling the strongest model"
                : percent(targetShare) + " of the best model's quality";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
