package dev.switchboard.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** The classifier's settings, under {@code classifier.*}. */
@ConfigMapping(prefix = "classifier")
public interface ClassifierConfig {

    /** The jtokkit encoding prompt tokens are counted with: {@code o200k_base} or {@code cl100k_base}. */
    @WithDefault("o200k_base")
    String tokenizer();

    /** The learned quality predictor. */
    Predictor predictor();

    /** Under {@code classifier.predictor.*}. */
    interface Predictor {

        /** Whether to predict each model's chance of a good answer; off: {@code predicted_quality} stays empty. */
        @WithDefault("true")
        boolean enabled();

        /**
         * A router trained with {@code ./switchboard train} (env CLASSIFIER_PREDICTOR_ROUTER); unset: the one
         * shipped in the classifier ({@value dev.switchboard.classifier.service.QualityForecast#SHIPPED_ROUTER}).
         */
        Optional<Path> router();

        /** Threads the embedding model may use for one prompt. */
        @WithDefault("1")
        int threads();
    }
}
