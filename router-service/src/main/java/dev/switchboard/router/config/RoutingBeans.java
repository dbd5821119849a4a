package dev.switchboard.router.config;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.routing.RoutingPolicy;
import dev.switchboard.core.routing.StrategyPolicy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes core's catalog and routing policy injectable. */
public class RoutingBeans {

    /** Read at startup, so a broken catalog file stops the router before it routes anything. */
    @Produces
    @Singleton
    @Startup
    ModelCatalog modelCatalog(CatalogConfig config) {
        ModelCatalog catalog = ModelCatalog.fileOrBuiltIn(config.path());
        Log.infof("Routing with the %s model catalog: %s",
                config.path().map(p -> "operator's (" + p + ")").orElse("built-in"), catalog);
        return catalog;
    }

    @Produces
    @Singleton
    RoutingPolicy routingPolicy() {
        return new StrategyPolicy();
    }
}
