package dev.switchboard.classifier.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** Where the model catalog comes from, under {@code switchboard.catalog.*} (shared by every service). */
@ConfigMapping(prefix = "switchboard.catalog")
public interface CatalogConfig {

    /** An operator's catalog file in the {@code models.json} format (env SWITCHBOARD_CATALOG_PATH); unset: the built-in one. */
    Optional<Path> path();
}
