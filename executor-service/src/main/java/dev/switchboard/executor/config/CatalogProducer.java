package dev.switchboard.executor.config;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.tokens.TokenCounter;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Provides the model catalog (the operator's file at {@code switchboard.catalog.path}, else the built-in one). */
public class CatalogProducer {

    @Produces
    @Singleton
    ModelCatalog catalog(@ConfigProperty(name = "switchboard.catalog.path") Optional<String> path) {
        if (path.isEmpty() || path.get().isBlank()) {
            ModelCatalog catalog = ModelCatalog.builtIn();
            Log.infof("model catalog: built-in, %d models", catalog.models().size());
            return catalog;
        }
        Path file = Path.of(path.get());
        try (InputStream in = Files.newInputStream(file)) {
            ModelCatalog catalog = ModelCatalog.parse(in);
            Log.infof("model catalog: %s, %d models", file, catalog.models().size());
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalog at switchboard.catalog.path=" + file, e);
        }
    }

    @Produces
    @Singleton
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }
}
