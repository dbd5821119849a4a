package dev.switchboard.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.event.WireEnum;

/** A feature a request may need from a model; the router never sends a request to a model without it. */
public enum Capability implements WireEnum {
    /** Function / tool calling. */
    @JsonProperty("tools") TOOLS,
    /** Image input. */
    @JsonProperty("vision") VISION,
    /** JSON mode or structured output. */
    @JsonProperty("json") JSON
}
