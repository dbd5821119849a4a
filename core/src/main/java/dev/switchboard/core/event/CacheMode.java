package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a cached response may answer the request. */
public enum CacheMode implements WireEnum {
    @JsonProperty("use") USE,
    @JsonProperty("bypass") BYPASS
}
