package dev.switchboard.classifier.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.policy.LevelTransfer;
import dev.switchboard.core.policy.PromptView;
import dev.switchboard.core.policy.QualityPredictor;

import java.util.Map;

/**
 * The learned half of classification: a trained router's prompt predictor (prompt embedding, nearest training
 * prompts) gives each of its models' chance of a good answer, carried over to the catalog's models by quality level
 * ({@link LevelTransfer}); the router reads it as {@code predicted_quality}.
 */
public final class QualityForecast {

    /** The router artifact shipped in the classifier jar; see docs/routing-eval.md for how it was trained. */
    public static final String SHIPPED_ROUTER = "/switchboard/router.json.gz";

    private final QualityPredictor predictor;
    private final LevelTransfer transfer;
    private final ModelCatalog catalog;
    private final String version;

    /** @param version names the predictor in {@code classifier_version}, e.g. its embedder */
    public QualityForecast(QualityPredictor predictor, LevelTransfer transfer, ModelCatalog catalog,
                           String version) {
        this.predictor = predictor;
        this.transfer = transfer;
        this.catalog = catalog;
        this.version = version;
    }

    /** The classification with every catalog model's predicted chance of a good answer to this request. */
    public Classification predict(LlmRequest request, Classification classification) {
        Map<String, Double> trained = predictor.predict(PromptView.of(request, classification));
        return classification.withPrediction(transfer.toCatalog(trained, catalog), version);
    }
}
