package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Terminal status of a request attempt on {@code llm.results}. */
public enum ResultStatus implements WireEnum {
    @JsonProperty("ok") OK,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("failed") FAILED
}
