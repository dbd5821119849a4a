package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a budget stands against its limit. */
public enum BudgetStatus implements WireEnum {
    @JsonProperty("ok") OK,
    @JsonProperty("warning") WARNING,
    @JsonProperty("exhausted") EXHAUSTED
}
