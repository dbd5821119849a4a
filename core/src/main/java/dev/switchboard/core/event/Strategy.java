package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the router trades cost, speed and quality: the request's {@code hints.strategy}. */
public enum Strategy implements WireEnum {
    @JsonProperty("cost") COST,
    @JsonProperty("speed") SPEED,
    @JsonProperty("quality") QUALITY,
    @JsonProperty("balanced") BALANCED
}
