package dev.switchboard.core.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices one provider call from its token counts and the model's list prices, in USD. */
public final class CostCalculator {

    /** Scale of every cost: 10 decimal places keeps a single cheap token (1e-7 USD and below) visible. */
    public static final int SCALE = 10;

    private CostCalculator() {
    }

    /** Interactive (non-batch) cost. */
    public static BigDecimal cost(ModelSpec model, long inputTokens, long cachedInputTokens, long outputTokens) {
        return cost(model, inputTokens, cachedInputTokens, outputTokens, false);
    }

    /**
     * The cost of one call. {@code cachedInputTokens} is the part of {@code inputTokens} served from the
     * prompt cache, as OpenAI and Gemini report it; Anthropic reports cache reads beside {@code input_tokens},
     * so its count here is {@code input_tokens + cache_read_input_tokens}. Anthropic's cache-write surcharge is
     * not modelled: written tokens are priced as plain input. A batch call takes the model's batch discount off
     * the whole call; a model without one pays full price.
     *
     * @throws IllegalArgumentException on a negative count or more cached tokens than input tokens
     */
    public static BigDecimal cost(ModelSpec model, long inputTokens, long cachedInputTokens, long outputTokens,
                                  boolean batch) {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: input=" + inputTokens
                    + ", cached=" + cachedInputTokens + ", output=" + outputTokens);
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached input tokens (" + cachedInputTokens
                    + ") are part of the input and cannot exceed it (" + inputTokens + ")");
        }
        ModelPricing p = model.pricing();
        // Exact until the one rounding at the end, so the sum of many calls does not drift.
        BigDecimal perMillion = p.inputPerMtok().multiply(BigDecimal.valueOf(inputTokens - cachedInputTokens))
                .add(p.cachedInputPerMtok().multiply(BigDecimal.valueOf(cachedInputTokens)))
                .add(p.outputPerMtok().multiply(BigDecimal.valueOf(outputTokens)));
        if (batch && p.hasBatchDiscount()) {
            perMillion = perMillion.multiply(BigDecimal.ONE.subtract(p.batchDiscount()));
        }
        return perMillion.movePointLeft(6).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Interactive cost of a model looked up by id. */
    public static BigDecimal cost(ModelCatalog catalog, String modelId, long inputTokens, long cachedInputTokens,
                                  long outputTokens) {
        return cost(catalog, modelId, inputTokens, cachedInputTokens, outputTokens, false);
    }

    /**
     * Cost of a model looked up by id.
     *
     * @throws UnknownModelException when the catalog does not hold the model: an unknown model is never $0
     */
    public static BigDecimal cost(ModelCatalog catalog, String modelId, long inputTokens, long cachedInputTokens,
                                  long outputTokens, boolean batch) {
        return cost(catalog.require(modelId), inputTokens, cachedInputTokens, outputTokens, batch);
    }
}
