package dev.switchboard.classifier.config;

import dev.switchboard.classifier.service.QualityForecast;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.policy.RouterArtifact;
import dev.switchboard.core.policy.TextEmbedder;
import dev.switchboard.core.policy.TrainedRouter;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.embedding.OnnxTextEmbedder;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Makes core's framework-free classifier and the learned quality predictor injectable. */
public class ClassifierBeans {

    /** Built once at startup, which also loads the tokenizer vocabulary before the first record arrives. */
    @Produces
    @Singleton
    @Startup
    RuleClassifier ruleClassifier(ClassifierConfig config) {
        return new RuleClassifier(new TokenCounter(), config.tokenizer());
    }

    /**
     * Loaded at startup (the embedding model takes a second or two), so a missing or unreadable router stops the
     * classifier before it reads a record rather than classifying without predictions.
     */
    @Produces
    @Singleton
    @Startup
    @LookupIfProperty(name = "classifier.predictor.enabled", stringValue = "true", lookupIfMissing = true)
    QualityForecast qualityForecast(ClassifierConfig config, CatalogConfig catalogConfig) {
        ModelCatalog catalog = ModelCatalog.fileOrBuiltIn(catalogConfig.path());
        String source = config.predictor().router().map(Object::toString)
                .orElse("classpath:" + QualityForecast.SHIPPED_ROUTER);
        TrainedRouter router = config.predictor().router().map(RouterArtifact::read).orElseGet(ClassifierBeans::shipped);
        TextEmbedder embedder = router.embedderId() == null ? null
                : OnnxTextEmbedder.forId(router.embedderId(), config.predictor().threads());
        QualityForecast forecast = new QualityForecast(router.predictor().predictor(embedder), router, catalog,
                router.embedderId() == null ? "words" : router.embedderId());
        Log.infof("Predicting quality with the router %s (%d models, embedder %s) for %d catalog models; %s", source,
                router.models().size(), router.embedderId(), catalog.models().size(), forecast.followsPolicies()
                        ? "its models are the catalog's, so requests carry its trained policy for their feature"
                        : "its models are not all in the catalog, so predictions are carried over by level");
        return forecast;
    }

    private static TrainedRouter shipped() {
        try (InputStream in = QualityForecast.class.getResourceAsStream(QualityForecast.SHIPPED_ROUTER)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + QualityForecast.SHIPPED_ROUTER + " is missing");
            }
            return RouterArtifact.read(in, QualityForecast.SHIPPED_ROUTER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + QualityForecast.SHIPPED_ROUTER, e);
        }
    }
}
