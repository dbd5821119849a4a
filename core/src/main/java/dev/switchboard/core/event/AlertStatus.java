package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of an alert. */
public enum AlertStatus implements WireEnum {
    @JsonProperty("firing") FIRING,
    @JsonProperty("resolved") RESOLVED
}
