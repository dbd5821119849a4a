package dev.switchboard.bench.demo;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a demo run went, next to its {@link CostReport}.
 *
 * @param provider      the executor's provider mode ({@code simulated}: no API keys, no real model called;
 *                      {@code replay}: recorded answers, no API keys)
 * @param simulatedLatencyMs the provider's delay per call (simulated or replay)
 * @param baselineModel the catalog's strongest model, which the baseline cost assumes for every request
 * @param ledgerNote    why the ledger's spend is missing or disagrees, or null
 * @param recordedData  the benchmark files the prompts and answers came from, or null for the built-in workload
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunFacts(
        Instant startedAt,
        BigDecimal wallTimeSeconds,
        BigDecimal stackStartSeconds,
        BigDecimal workloadSeconds,
        String provider,
        int simulatedLatencyMs,
        BigDecimal alertThresholdUsdPerHour,
        String baselineModel,
        String database,
        String logDir,
        String ledgerNote,
        String recordedData) {
}
