package dev.switchboard.core.eval;

/**
 * A point of the cost–quality plane: what a routing run or a single model spent and how well it scored.
 *
 * <p>Cost is a {@code double} here on purpose: these points feed ratio metrics (AIQ, APGR, savings) and plots,
 * never a bill; the bills stay {@code BigDecimal} in {@link RunTotals}.
 *
 * @param cost    total recorded cost in USD over the prompts of the run
 * @param quality mean recorded score over those prompts, in [0, 1]
 */
public record CostQuality(double cost, double quality) {

    public CostQuality {
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost must be a non-negative number, was " + cost);
        }
        if (!Double.isFinite(quality)) {
            throw new IllegalArgumentException("quality must be a number, was " + quality);
        }
    }
}
