package dev.switchboard.classifier.config;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.tokens.TokenCounter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes core's framework-free classifier injectable, configured from {@link ClassifierConfig}. */
public class ClassifierBeans {

    /** Built once at startup, which also loads the tokenizer vocabulary before the first record arrives. */
    @Produces
    @Singleton
    @Startup
    RuleClassifier ruleClassifier(ClassifierConfig config) {
        return new RuleClassifier(new TokenCounter(), config.tokenizer());
    }
}
