package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Interactive requests want latency; batch requests may wait for cheaper capacity. */
public enum Priority implements WireEnum {
    @JsonProperty("interactive") INTERACTIVE,
    @JsonProperty("batch") BATCH
}
