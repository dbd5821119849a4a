package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What one call to a model is expected to cost and take for a given token estimate, before any call is made.
 *
 * @param costUsd   list-price cost of the call (no prompt cache, no batch discount)
 * @param latencyMs time to first token plus the time to generate the expected output
 */
public record CallEstimate(ModelSpec model, BigDecimal costUsd, long latencyMs) {

    private static final MathContext DISPLAY = new MathContext(3, RoundingMode.HALF_UP);

    /** The estimate for {@code inputTokens} in and {@code outputTokens} out; negative counts are taken as 0. */
    public static CallEstimate of(ModelSpec model, int inputTokens, int outputTokens) {
        int in = Math.max(0, inputTokens);
        int out = Math.max(0, outputTokens);
        BigDecimal cost = CostCalculator.cost(model, in, 0, out);
        long generationMs = (out * 1000L + model.outputTokensPerSecond() - 1) / model.outputTokensPerSecond();
        return new CallEstimate(model, cost, model.typicalLatencyMs() + generationMs);
    }

    /** An amount for people: {@code $0.000123} (three significant digits). */
    public static String usd(BigDecimal amount) {
        return amount.signum() == 0 ? "$0" : "$" + amount.round(DISPLAY).stripTrailingZeros().toPlainString();
    }
}
