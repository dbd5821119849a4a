package dev.switchboard.executor.service;

import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.event.UsageEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.switchboard.executor.resilience.ScriptedProvider.answer;
import static dev.switchboard.executor.resilience.ScriptedProvider.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Cascades: the quality gate accepts a good draft or escalates a poor one, and every step is billed. */
class CascadeExecutionTest extends ExecutionTestBase {

    @Test
    void aCascadeAcceptsAGoodDraftWithOneCall() {
        provider(DRAFTER).then(answer(GOOD, 100, 40));
        provider(PRIMARY).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", cascade()));

        assertThat(outcome.result().model()).isEqualTo(DRAFTER);
        assertThat(provider(PRIMARY).callCount()).isZero();
        assertThat(outcome.result().cascade()).singleElement().satisfies(step -> {
            assertThat(step.accepted()).isTrue();
            assertThat(step.gateScore()).isEqualTo(1.0);
        });
        assertThat(outcome.usage()).singleElement().satisfies(event -> assertThat(event.accepted()).isTrue());
    }

    @Test
    void aCascadeEscalatesAPoorDraftAndBillsBothSteps() {
        provider(DRAFTER).then(answer("I'm sorry, but I can't help with that.", 100, 12));
        provider(PRIMARY).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", cascade()));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.OK);
        assertThat(outcome.result().model()).isEqualTo(PRIMARY);
        assertThat(outcome.result().response().firstText()).isEqualTo(GOOD);
        assertThat(outcome.result().cascade()).hasSize(2);
        CascadeTraceEntry draft = outcome.result().cascade().get(0);
        assertThat(draft.accepted()).isFalse();
        assertThat(draft.gateScore()).isLessThan(0.7);
        assertThat(outcome.usage()).extracting(UsageEvent::model, UsageEvent::accepted)
                .containsExactly(tuple(DRAFTER, false),
                        tuple(PRIMARY, true));
        BigDecimal sum = outcome.usage().get(0).costUsd().add(outcome.usage().get(1).costUsd());
        assertThat(outcome.result().costUsd()).isEqualByComparingTo(sum);
        assertThat(outcome.result().usage().outputTokens()).isEqualTo(52);
        assertThat(registry.get("switchboard.executor.cascade.escalations").counter().count()).isEqualTo(1);
    }

    @Test
    void aDrafterThatCannotAnswerEscalatesAndTheLastStepFallsBack() {
        provider(DRAFTER).then(failure("model_not_found", "The model `gpt-4.1-nano` does not exist", 404));
        provider(PRIMARY).then(failure("context_length_exceeded", "maximum context length is 8192 tokens", 400));
        provider(FALLBACK).then(answer(GOOD, 100, 40));

        ExecutionOutcome outcome = run(routed("r1", new RoutePlan(DRAFTER, List.of(
                new CascadeStep(DRAFTER, null, 0.7), new CascadeStep(PRIMARY, null, null)), List.of(FALLBACK),
                null, null, null, null, "cascade")));

        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
        assertThat(outcome.usage()).extracting(UsageEvent::model).containsExactly(DRAFTER, PRIMARY, FALLBACK);
    }

    @Test
    void aCodeTaskEscalatesADraftWithoutCode() {
        provider(DRAFTER).then(answer("You can reverse a list by walking it from the end to the start.", 100, 14));
        provider(PRIMARY).then(answer("```python\ndef reverse(xs):\n    return xs[::-1]\n```", 100, 20));

        ExecutionOutcome outcome = run(routed("r1", cascade(), null, TaskType.CODE));

        assertThat(outcome.result().model()).isEqualTo(PRIMARY);
    }
}
