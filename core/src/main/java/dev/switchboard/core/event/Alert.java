package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/** An alert fired or resolved by a rule for a scope (e.g. tenant), on {@code llm.alerts}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(
        int schemaVersion,
        String alertId,
        String rule,
        String scope,
        AlertStatus status,
        BigDecimal value,
        BigDecimal threshold,
        String message,
        Instant windowStart,
        Instant windowEnd,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    /** Kafka key: rule + scope, so all alerts of one rule and scope land on one partition in order. */
    public String key() {
        return rule + "|" + scope;
    }
}
