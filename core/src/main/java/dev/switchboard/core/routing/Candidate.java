package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.ModelSpec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog model as the router sees it for one request: its cost and latency estimate and its quality.
 *
 * @param quality   the classifier's predicted chance of a good answer for this request, or the catalog's quality
 *                  when the prediction does not cover the model
 * @param predicted whether {@code quality} is a prediction
 */
record Candidate(CallEstimate estimate, double quality, boolean predicted) {

    /** The candidate for a model, with its prediction when {@code predictions} holds a usable one (0..1). */
    static Candidate of(ModelSpec model, int inputTokens, int outputTokens, Map<String, Double> predictions) {
        Double p = predictions == null ? null : predictions.get(model.id());
        boolean usable = p != null && p >= 0 && p <= 1;
        return new Candidate(CallEstimate.of(model, inputTokens, outputTokens), usable ? p : model.quality(), usable);
    }

    ModelSpec model() {
        return estimate.model();
    }

    String id() {
        return estimate.model().id();
    }

    BigDecimal costUsd() {
        return estimate.costUsd();
    }

    long latencyMs() {
        return estimate.latencyMs();
    }

    /** {@code predicted quality 0.88} or {@code catalog quality 0.78}. */
    String describeQuality() {
        return qualityKind() + " " + twoPlaces(quality);
    }

    String qualityKind() {
        return predicted ? "predicted quality" : "catalog quality";
    }

    static String twoPlaces(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
