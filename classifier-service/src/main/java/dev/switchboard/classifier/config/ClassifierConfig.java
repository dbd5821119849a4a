package dev.switchboard.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The classifier's settings, under {@code classifier.*}. */
@ConfigMapping(prefix = "classifier")
public interface ClassifierConfig {

    /** The jtokkit encoding prompt tokens are counted with: {@code o200k_base} or {@code cl100k_base}. */
    @WithDefault("o200k_base")
    String tokenizer();
}
