package dev.switchboard.core.catalog;

import java.util.Collection;
import java.util.List;

/** A model id that the catalog does not hold; thrown rather than pricing the model at $0 or guessing. */
public class UnknownModelException extends RuntimeException {

    private final String modelId;

    public UnknownModelException(String modelId, Collection<String> knownIds) {
        super("unknown model '" + modelId + "'; the catalog knows: " + String.join(", ", List.copyOf(knownIds)));
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
