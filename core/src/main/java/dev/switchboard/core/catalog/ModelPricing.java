package dev.switchboard.core.catalog;

import java.math.BigDecimal;

/**
 * A model's list prices in USD per one million tokens.
 *
 * @param inputPerMtok       uncached input tokens
 * @param cachedInputPerMtok input tokens served from the provider's prompt cache (Anthropic: cache reads)
 * @param outputPerMtok      output tokens, reasoning tokens included
 * @param batchDiscount      fraction taken off every price by the provider's batch API (0.5 = half price), or
 *                           {@code null} when the provider has no batch API for the model
 */
public record ModelPricing(BigDecimal inputPerMtok, BigDecimal cachedInputPerMtok, BigDecimal outputPerMtok,
                           BigDecimal batchDiscount) {

    public ModelPricing {
        requireNonNegative("input price", inputPerMtok);
        requireNonNegative("cached input price", cachedInputPerMtok);
        requireNonNegative("output price", outputPerMtok);
        if (batchDiscount != null
                && (batchDiscount.signum() < 0 || batchDiscount.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("batch discount must be in [0, 1), was " + batchDiscount);
        }
    }

    /** Whether a batch request costs less than an interactive one. */
    public boolean hasBatchDiscount() {
        return batchDiscount != null && batchDiscount.signum() > 0;
    }

    private static void requireNonNegative(String what, BigDecimal price) {
        if (price == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + price);
        }
    }
}
