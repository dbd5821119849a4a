package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Rough difficulty tier of a prompt. */
public enum Complexity implements WireEnum {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH
}
