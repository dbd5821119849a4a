package dev.switchboard.core.ledger;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * Spend of one group of a report.
 *
 * @param key      the group's value (tenant id, model id, ...); null for events that did not name one
 * @param requests distinct request ids: a cascade or a retry is one request with several calls
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpendRow(
        String key,
        BigDecimal costUsd,
        long requests,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens) {
}
