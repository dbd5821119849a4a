package dev.switchboard.router.config;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.routing.StrategyPolicy;
import dev.switchboard.core.routing.RoutingPolicy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes core's catalog and routing policy injectable. */
public class RoutingBeans {

    /** Read at startup, so a broken catalog file stops the router before it routes anything. */
    @Produces
    @Singleton
    @Startup
    ModelCatalog modelCatalog(CatalogConfig config) {
        if (config.path().isEmpty()) {
            ModelCatalog catalog = ModelCatalog.builtIn();
            Log.infof("Routing with the built-in model catalog: %s", catalog);
            return catalog;
        }
        Path path = config.path().get();
        try (InputStream in = Files.newInputStream(path)) {
            ModelCatalog catalog = ModelCatalog.parse(in);
            Log.infof("Routing with the model catalog %s: %s", path, catalog);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalog at switchboard.catalog.path=" + path, e);
        }
    }

    @Produces
    @Singleton
    RoutingPolicy routingPolicy() {
        return new StrategyPolicy();
    }
}
