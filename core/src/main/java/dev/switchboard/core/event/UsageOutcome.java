package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one metered call ended as. */
public enum UsageOutcome implements WireEnum {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR,
    @JsonProperty("cache_hit") CACHE_HIT
}
