package dev.switchboard.classifier.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.TrainedPolicy;
import dev.switchboard.core.policy.LevelTransfer;
import dev.switchboard.core.policy.PromptView;
import dev.switchboard.core.policy.QualityPredictor;
import dev.switchboard.core.policy.Signal;
import dev.switchboard.core.policy.TrainedPolicies;
import dev.switchboard.core.policy.TrainedRouter;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The learned half of classification: a trained router's prompt predictor (prompt embedding, nearest training
 * prompts) gives each of its models' chance of a good answer, carried over to the catalog's models by quality level
 * ({@link LevelTransfer}); the router reads it as {@code predicted_quality}. When the router was trained on the
 * catalog's own models (recorded traffic of those models), the classification also carries the router's calibrated
 * policy for the request's task ({@code trained_policy}: the request's {@code feature} names the task; a task it
 * was not trained on gets its fallback), which the router service then follows.
 */
public final class QualityForecast {

    /** The router artifact shipped in the classifier jar; see docs/routing-eval.md for how it was trained. */
    public static final String SHIPPED_ROUTER = "/switchboard/router.json.gz";

    private final QualityPredictor predictor;
    private final LevelTransfer transfer;
    private final ModelCatalog catalog;
    private final String version;
    /** The router's policies in wire form by task, when its models are the catalog's; empty otherwise. */
    private final Map<String, TrainedPolicy> policies;
    /** Its fallback for a task it was not trained on; null when its models are not the catalog's. */
    private final TrainedPolicy fallback;

    /**
     * @param router  the trained router the predictor comes from
     * @param version names the predictor in {@code classifier_version}, e.g. its embedder
     */
    public QualityForecast(QualityPredictor predictor, TrainedRouter router, ModelCatalog catalog, String version) {
        this.predictor = predictor;
        this.transfer = new LevelTransfer(router.modelLevels());
        this.catalog = catalog;
        this.version = version;
        boolean catalogModels = router.models().stream().allMatch(m -> catalog.find(m).isPresent());
        Set<Signal> signals = router.settings().signals();
        this.policies = !catalogModels ? Map.of() : router.tasks().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> TrainedPolicies.wire(e.getKey(), e.getValue(), signals)));
        this.fallback = catalogModels ? TrainedPolicies.wire(null, router.fallback(), signals) : null;
    }

    /** Whether the router's models are all catalog models, so its policies can be followed. */
    public boolean followsPolicies() {
        return fallback != null;
    }

    /**
     * The classification with every catalog model's predicted chance of a good answer to this request, and the
     * router's policy for its task when the router was trained on the catalog's models.
     */
    public Classification predict(LlmRequest request, Classification classification) {
        Map<String, Double> trained = predictor.predict(PromptView.of(request, classification));
        TrainedPolicy policy = request.feature() == null ? fallback
                : policies.getOrDefault(request.feature(), fallback);
        return classification.withPrediction(transfer.toCatalog(trained, catalog), version, policy);
    }
}
