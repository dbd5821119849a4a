package dev.switchboard.executor.service;

import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import dev.switchboard.executor.resilience.GuardedCaller;
import dev.switchboard.executor.resilience.ResiliencePolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import static dev.switchboard.executor.resilience.ScriptedProvider.answer;
import static dev.switchboard.executor.resilience.ScriptedProvider.billedFailure;
import static dev.switchboard.executor.resilience.ScriptedProvider.failure;
import static dev.switchboard.executor.resilience.ScriptedProvider.rateLimited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Retries, Retry-After, fallbacks, circuit breakers, rate limits and deadlines, on fake providers and a hand-wound clock. */
class ResilientExecutionTest extends ExecutionTestBase {

    @Test
    void retriesARetryableFailureThenSucceedsAndBillsBothCalls() {
        provider(PRIMARY).then(billedFailure("provider_error", 1_000)).then(answer(GOOD, 1_000, 40));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY)));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.OK);
        assertThat(outcome.usage()).extracting(UsageEvent::eventId).containsExactly("r1:1:1", "r1:1:2");
        assertThat(outcome.usage()).extracting(UsageEvent::outcome)
                .containsExactly(UsageOutcome.ERROR, UsageOutcome.OK);
        assertThat(outcome.usage()).extracting(UsageEvent::accepted).containsExactly(null, true);
        BigDecimal failed = CostCalculator.cost(catalog.require(PRIMARY), 1_000, 0, 0);
        BigDecimal answered = CostCalculator.cost(catalog.require(PRIMARY), 1_000, 0, 40);
        assertThat(outcome.usage().get(0).costUsd()).isEqualByComparingTo(failed).isPositive();
        assertThat(outcome.result().costUsd()).isEqualByComparingTo(failed.add(answered));
        assertThat(outcome.result().usage().inputTokens()).isEqualTo(2_000);
        assertThat(outcome.result().baselineCostUsd())
                .isEqualByComparingTo(CostCalculator.cost(catalog.strongest(), 1_000, 0, 40));
        assertThat(outcome.result().cascade()).extracting(CascadeTraceEntry::step).containsExactly(1, 2);
        assertThat(elapsedBetweenCalls(PRIMARY)).containsExactly(BASE_DELAY);
    }

    @Test
    void waitsAtLeastTheRetryAfterTheProviderAsksFor() {
        provider(PRIMARY).then(rateLimited(Duration.ofSeconds(7))).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY)));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.OK);
        assertThat(elapsedBetweenCalls(PRIMARY)).singleElement()
                .satisfies(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void aRetryAfterLongerThanAllowedGoesToTheFallbackAtOnce() {
        provider(PRIMARY).then(rateLimited(Duration.ofMinutes(10)));
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY, FALLBACK)));

        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
        assertThat(provider(PRIMARY).callCount()).isEqualTo(1);
        assertThat(provider(FALLBACK).callTimes()).containsExactly(provider(PRIMARY).callTimes().get(0));
    }

    @Test
    void aNonRetryableErrorGoesStraightToTheFallback() {
        provider(PRIMARY).then(failure("invalid_request", "Invalid value for 'temperature'", 400));
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY, FALLBACK)));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.OK);
        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
        assertThat(provider(PRIMARY).callCount()).isEqualTo(1);
        assertThat(outcome.result().cascade()).extracting(CascadeTraceEntry::model, CascadeTraceEntry::error)
                .containsExactly(tuple(PRIMARY, "invalid_request"),
                        tuple(FALLBACK, null));
        assertThat(outcome.usage()).extracting(UsageEvent::step).containsExactly(1, 2);
    }

    @Test
    void whenEveryModelFailsTheResultCarriesTheLastProvidersCodeAndMessage() {
        provider(PRIMARY).then(failure("overloaded", "Overloaded", 529));
        provider(FALLBACK).then(failure("auth_error", "Incorrect API key provided.", 401));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY, FALLBACK)));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.FAILED);
        assertThat(outcome.result().error().code()).isEqualTo("auth_error");
        assertThat(outcome.result().error().message()).isEqualTo("Incorrect API key provided.");
        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
        assertThat(provider(PRIMARY).callCount()).as("first call and two retries").isEqualTo(3);
        assertThat(outcome.usage()).hasSize(4).allSatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(UsageOutcome.ERROR);
            assertThat(event.accepted()).isNull();
        });
        assertThat(outcome.usage()).extracting(UsageEvent::eventId)
                .containsExactly("r1:1:1", "r1:1:2", "r1:1:3", "r1:1:4");
        assertThat(outcome.result().costUsd()).isZero();
        assertThat(outcome.result().baselineCostUsd()).isZero();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndLaterRequestsSkipTheModel() {
        provider(PRIMARY).then(failure("provider_error", "Internal server error", 500));
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome first = run(routed("r1", plan(PRIMARY, FALLBACK)));
        ExecutionOutcome second = run(routed("r2", plan(PRIMARY, FALLBACK)));

        assertThat(first.result().model()).isEqualTo(FALLBACK);
        assertThat(provider(PRIMARY).callCount()).as("3 failures open it; r2 never calls it").isEqualTo(3);
        assertThat(second.result().model()).isEqualTo(FALLBACK);
        assertThat(second.usage()).singleElement().satisfies(event -> assertThat(event.model()).isEqualTo(FALLBACK));
        assertThat(registry.get("switchboard.executor.circuit.opened").counter().count()).isEqualTo(1);

        time.advance(Duration.ofSeconds(30));
        provider(PRIMARY).then(answer(GOOD, 100, 40));
        ExecutionOutcome afterCoolDown = run(routed("r3", plan(PRIMARY, FALLBACK)));

        assertThat(afterCoolDown.result().model()).as("the probe went through and closed it").isEqualTo(PRIMARY);
    }

    @Test
    void anOpenCircuitWithNothingElseToTryFailsWithoutCalling() {
        provider(PRIMARY).then(failure("overloaded", "Overloaded", 503));
        run(routed("r1", plan(PRIMARY)));

        ExecutionOutcome outcome = run(routed("r2", plan(PRIMARY)));

        assertThat(outcome.result().error().code()).isEqualTo(GuardedCaller.CIRCUIT_OPEN);
        assertThat(outcome.usage()).isEmpty();
        assertThat(outcome.result().costUsd()).isZero();
    }

    @Test
    void aRateLimitDelaysCallsRatherThanFailingThem() {
        service = service(policy(2, Map.of("fake/" + PRIMARY,
                new ResiliencePolicy.Quota(OptionalLong.of(2), OptionalLong.empty()))));
        provider(PRIMARY).then(answer(GOOD, 100, 40));

        List<CompletableFuture<ExecutionOutcome>> outcomes = List.of(start(routed("r1", plan(PRIMARY))),
                start(routed("r2", plan(PRIMARY))), start(routed("r3", plan(PRIMARY))));

        assertThat(outcomes.get(0)).isDone();
        assertThat(outcomes.get(1)).isDone();
        assertThat(outcomes.get(2)).as("2 a minute: the third waits").isNotDone();
        time.advance(Duration.ofSeconds(29));
        assertThat(outcomes.get(2)).isNotDone();
        time.advance(Duration.ofSeconds(1));
        assertThat(outcomes.get(2)).isDone();
        assertThat(outcomes).allSatisfy(outcome ->
                assertThat(outcome.join().result().status()).isEqualTo(ResultStatus.OK));
        assertThat(elapsedBetweenCalls(PRIMARY)).containsExactly(Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void aRequestPastItsMaxLatencyFailsWithTimeout() {
        provider(PRIMARY).thenHang();
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        CompletableFuture<ExecutionOutcome> pending = start(routed("r1", plan(PRIMARY, FALLBACK), 2_000L, null));
        time.advance(Duration.ofMillis(1_999));
        assertThat(pending).isNotDone();
        time.advance(Duration.ofMillis(1));

        ExecutionOutcome outcome = pending.join();
        assertThat(outcome.result().status()).isEqualTo(ResultStatus.FAILED);
        assertThat(outcome.result().error().code()).isEqualTo("timeout");
        assertThat(outcome.result().error().message()).contains("max_latency_ms=2000");
        assertThat(provider(FALLBACK).callCount()).as("no time left for it").isZero();
        assertThat(provider(PRIMARY).hanging()).singleElement()
                .satisfies(call -> assertThat(call).as("abandoned call cancelled").isCancelled());
        assertThat(outcome.usage()).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(UsageOutcome.ERROR);
            assertThat(event.latencyMs()).isEqualTo(2_000);
        });
        assertThat(time.pendingTimers()).isZero();
    }

    @Test
    void theDeadlineBoundsRetriesToo() {
        provider(PRIMARY).then(rateLimited(Duration.ofSeconds(5)));
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", plan(PRIMARY, FALLBACK), 3_000L, null));

        assertThat(provider(PRIMARY).callCount()).as("a 5 s Retry-After does not fit in 3 s").isEqualTo(1);
        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
    }

    @Test
    void aModelMissingFromTheCatalogFailsWithUnknownModelAndBillsNothing() {
        ExecutionOutcome outcome = run(routed("r1", plan("gpt-9-ultra")));

        assertThat(outcome.result().error().code()).isEqualTo("unknown_model");
        assertThat(outcome.usage()).isEmpty();
    }

    @Test
    void aModelWithoutAnAdapterIsSkippedForTheFallback() {
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", plan("gpt-4.1", FALLBACK)));

        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
        assertThat(outcome.usage()).hasSize(1);
    }
}
