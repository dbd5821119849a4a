package dev.switchboard.core.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.event.WireEnum;

/** An attribution a spend report can be grouped by: each usage event names one value of each. */
public enum SpendDimension implements WireEnum {
    @JsonProperty("tenant") TENANT,
    @JsonProperty("model") MODEL,
    @JsonProperty("user") USER,
    @JsonProperty("project") PROJECT,
    @JsonProperty("feature") FEATURE
}
