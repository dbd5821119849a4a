package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the router may plan a drafter-then-verifier cascade. */
public enum CascadeMode implements WireEnum {
    @JsonProperty("on") ON,
    @JsonProperty("off") OFF
}
