package dev.switchboard.core.recorded;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * One model of a benchmark's {@code <source>.models.json}: who serves it and its list prices.
 *
 * @param quality an optional relative quality in [0, 1] set by whoever wrote the file; {@code null} when absent
 *                (the files of ../shared/data/routing carry none)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchmarkModel(String id, String provider, BigDecimal inputUsdPerMtok, BigDecimal outputUsdPerMtok,
                             String priceSource, Double quality) {

    public BenchmarkModel {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is missing");
        }
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("model '" + id + "': provider is missing");
        }
        requirePrice(id, "input_usd_per_mtok", inputUsdPerMtok);
        requirePrice(id, "output_usd_per_mtok", outputUsdPerMtok);
        if (quality != null && !(quality >= 0.0 && quality <= 1.0)) {
            throw new IllegalArgumentException("model '" + id + "': quality must be in [0, 1], was " + quality);
        }
        priceSource = priceSource == null || priceSource.isBlank() ? "benchmark models file" : priceSource;
    }

    /** Input plus output price per million tokens: the price that ranks models when no quality is given. */
    public BigDecimal listPrice() {
        return inputUsdPerMtok.add(outputUsdPerMtok);
    }

    private static void requirePrice(String id, String field, BigDecimal price) {
        if (price == null || price.signum() < 0) {
            throw new IllegalArgumentException("model '" + id + "': " + field + " must be a non-negative number, was "
                    + price);
        }
    }
}
