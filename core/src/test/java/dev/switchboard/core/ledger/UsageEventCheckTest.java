package dev.switchboard.core.ledger;

import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageEventCheckTest {

    private static final UsageEvent GOOD = event("r1", "acme", "gpt-4o", 1000, 200, 500, "0.0072500000",
            Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void acceptsACompleteEventWithoutOptionalAttribution() {
        assertThat(UsageEventCheck.problems(GOOD)).isEmpty();
        assertThat(UsageEventCheck.requireValid(GOOD)).isSameAs(GOOD);
    }

    @Test
    void listsEveryProblemOfAnEvent() {
        UsageEvent bad = new UsageEvent(1, " ", null, 1, 1, null, null, null, null, null, null,
                -1, 0, -2, new BigDecimal("-0.01"), 0, UsageOutcome.OK, null, null);

        assertThat(UsageEventCheck.problems(bad)).containsExactly(
                "event_id is missing", "request_id is missing", "tenant is missing", "model is missing",
                "input_tokens is negative (-1)", "output_tokens is negative (-2)",
                "cached_input_tokens (0) exceed input_tokens (-1)", "cost_usd is negative (-0.01)",
                "occurred_at is missing");
    }

    @Test
    void rejectsCostsTheMoneyColumnWouldRound() {
        assertThat(problemsWithCost("0.00000000001")).containsExactly(
                "cost_usd 0.00000000001 has more than 10 decimal places");
        assertThat(problemsWithCost("0.00000000010")).isEmpty();
        assertThat(problemsWithCost("10000000000")).containsExactly(
                "cost_usd 10000000000 exceeds 9999999999.9999999999");
        assertThat(problemsWithCost(null)).containsExactly("cost_usd is missing");
    }

    @Test
    void rejectsMoreCachedThanInputTokens() {
        UsageEvent bad = event("r1", "acme", "gpt-4o", 10, 11, 0, "0", Instant.EPOCH);

        assertThat(UsageEventCheck.problems(bad)).containsExactly("cached_input_tokens (11) exceed input_tokens (10)");
    }

    @Test
    void requireValidNamesTheEventAndItsProblems() {
        UsageEvent bad = with(e -> event(e.requestId(), null, e.model(), 1, 0, 1, "0.1", e.occurredAt()));

        assertThatThrownBy(() -> UsageEventCheck.requireValid(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid UsageEvent r1:1:1: tenant is missing");
    }

    private static List<String> problemsWithCost(String cost) {
        return UsageEventCheck.problems(with(e -> event(e.requestId(), e.tenant(), e.model(), 1, 0, 1, cost,
                e.occurredAt())));
    }

    private static UsageEvent with(UnaryOperator<UsageEvent> change) {
        return change.apply(GOOD);
    }

    private static UsageEvent event(String requestId, String tenant, String model, long in, long cached, long out,
                                    String cost, Instant at) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, UsageEvent.eventIdFor(requestId, 1, 1), requestId, 1, 1,
                tenant, null, null, null, model, "openai", in, cached, out, cost == null ? null : new BigDecimal(cost),
                120, UsageOutcome.OK, null, at);
    }
}
