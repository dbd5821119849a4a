package dev.switchboard.core.ledger;

import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.event.UsageEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a usage event must hold before the ledger books it: ids, attribution, a time, and counts and a cost that
 * money columns (NUMERIC(20,10)) store without rounding.
 */
public final class UsageEventCheck {

    /** Largest cost one event may carry: NUMERIC(20,10) holds ten integer digits. */
    public static final BigDecimal MAX_COST_USD = new BigDecimal("9999999999.9999999999");

    private UsageEventCheck() {
    }

    /** Every problem of {@code event}, in field order; empty when the ledger can book it. */
    public static List<String> problems(UsageEvent event) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "event_id", event.eventId());
        requireText(problems, "request_id", event.requestId());
        requireText(problems, "tenant", event.tenant());
        requireText(problems, "model", event.model());
        requireCount(problems, "input_tokens", event.inputTokens());
        requireCount(problems, "cached_input_tokens", event.cachedInputTokens());
        requireCount(problems, "output_tokens", event.outputTokens());
        if (event.cachedInputTokens() > event.inputTokens()) {
            problems.add("cached_input_tokens (" + event.cachedInputTokens() + ") exceed input_tokens ("
                    + event.inputTokens() + ")");
        }
        checkCost(problems, event.costUsd());
        if (event.occurredAt() == null) {
            problems.add("occurred_at is missing");
        }
        return problems;
    }

    /**
     * Returns {@code event} when it can be booked.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public static UsageEvent requireValid(UsageEvent event) {
        List<String> problems = problems(event);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid UsageEvent " + event.eventId() + ": "
                    + String.join("; ", problems));
        }
        return event;
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        }
    }

    private static void requireCount(List<String> problems, String field, long value) {
        if (value < 0) {
            problems.add(field + " is negative (" + value + ")");
        }
    }

    private static void checkCost(List<String> problems, BigDecimal cost) {
        if (cost == null) {
            problems.add("cost_usd is missing");
        } else if (cost.signum() < 0) {
            problems.add("cost_usd is negative (" + cost.toPlainString() + ")");
        } else if (cost.compareTo(MAX_COST_USD) > 0) {
            problems.add("cost_usd " + cost.toPlainString() + " exceeds " + MAX_COST_USD.toPlainString());
        } else if (cost.stripTrailingZeros().scale() > CostCalculator.SCALE) {
            // a finer cost would be rounded by the column, and the roll-up would then drift from the events
            problems.add("cost_usd " + cost.toPlainString() + " has more than " + CostCalculator.SCALE
                    + " decimal places");
        }
    }
}
