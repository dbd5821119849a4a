package dev.switchboard.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models Switchboard may route to, with their prices and abilities; immutable. */
public final class ModelCatalog {

    /** Where {@link #builtIn()} reads from; operators replace it by giving the services a path of their own. */
    public static final String BUILT_IN_RESOURCE = "/switchboard/models.json";

    private static final Comparator<ModelSpec> STRENGTH = Comparator.comparingDouble(ModelSpec::quality)
            .thenComparing(m -> m.pricing().outputPerMtok());

    private final Map<String, ModelSpec> byId;

    private ModelCatalog(Map<String, ModelSpec> byId) {
        this.byId = byId;
    }

    /** A catalog of the given models, in the given order; duplicate ids and an empty list are rejected. */
    public static ModelCatalog of(List<ModelSpec> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a model catalog needs at least one model");
        }
        Map<String, ModelSpec> byId = new LinkedHashMap<>();
        for (ModelSpec model : models) {
            if (byId.putIfAbsent(model.id(), model) != null) {
                throw new IllegalArgumentException("duplicate model id '" + model.id() + "'");
            }
        }
        return new ModelCatalog(Collections.unmodifiableMap(byId));
    }

    /** The catalog shipped in this jar, read once. */
    public static ModelCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * Reads a catalog file (format: {@code models.json}); the caller closes the stream.
     *
     * @throws IllegalArgumentException naming the model and field when the file is not a valid catalog
     */
    public static ModelCatalog parse(InputStream json) {
        return of(CatalogFile.read(json));
    }

    /**
     * The operator's catalog file when a path is given, else the built-in catalog.
     *
     * @throws IllegalArgumentException naming the file, and the model and field, when it is not a valid catalog
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static ModelCatalog fileOrBuiltIn(Optional<Path> path) {
        if (path.isEmpty()) {
            return builtIn();
        }
        try (InputStream in = Files.newInputStream(path.get())) {
            return parse(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model catalog " + path.get() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalog " + path.get(), e);
        }
    }

    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The model with this id; throws rather than let a caller price or call a model it does not know. */
    public ModelSpec require(String id) {
        ModelSpec model = id == null ? null : byId.get(id);
        if (model == null) {
            throw new UnknownModelException(id, byId.keySet());
        }
        return model;
    }

    /** All models in file order. */
    public List<ModelSpec> models() {
        return List.copyOf(byId.values());
    }

    /**
     * The highest-quality model; among equals the one with the higher output price, taken as the stronger
     * (the baseline a request would have cost without routing).
     */
    public ModelSpec strongest() {
        return byId.values().stream().max(STRENGTH).orElseThrow();
    }

    @Override
    public String toString() {
        return "ModelCatalog" + byId.keySet();
    }

    /** Holder: the built-in file is parsed on first use only, and only once. */
    private static final class BuiltIn {
        static final ModelCatalog CATALOG = load();

        private static ModelCatalog load() {
            try (InputStream in = ModelCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource " + BUILT_IN_RESOURCE + " is missing");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
            }
        }
    }
}
