package dev.switchboard.executor.service;

import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LearnedAcceptance;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.event.UsageEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.switchboard.executor.resilience.ScriptedProvider.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A trained cascade's plan: the executor judges each step by the plan's learned acceptance, not the quality gate,
 * and returns the answer the acceptance names, which may be an earlier step's.
 */
class LearnedCascadeExecutionTest extends ExecutionTestBase {

    private static final String PROMPT = "Question: Tom has 2 apples and buys 3 more. How many?\nAnswer: 2 + 3 = 5\n"
            + "#### 5\n\nQuestion: Ann has 4 pears and gets 2 more. How many pears?\nAnswer:";
    private static final List<String> CHAIN = List.of(DRAFTER, PRIMARY, FALLBACK);
    /** Chance of acceptance from the agreement signal alone: e^(-5) / (1 + e^(-5)), about 0.007, when none agree. */
    private static final List<Double> NEVER = List.of(-5.0, 0.0);
    private static final List<Double> ALWAYS = List.of(5.0, 0.0);

    @Test
    void aConfidentFirstStepIsTakenWithOneCall() {
        provider(DRAFTER).then(answer("4 + 2 = 6\n#### 6", 100, 10));

        ExecutionOutcome outcome = run(routed(List.of(ALWAYS, NEVER), false));

        assertThat(outcome.result().model()).isEqualTo(DRAFTER);
        assertThat(provider(PRIMARY).callCount()).isZero();
        assertThat(outcome.usage()).extracting(UsageEvent::model, UsageEvent::accepted)
                .containsExactly(tuple(DRAFTER, true));
    }

    @Test
    void theMajorityAnswerAtTheEndOfTheChainIsAnEarlierStepsAndEveryStepIsBilled() {
        twoOfThreeSaySix();

        ExecutionOutcome outcome = run(routed(List.of(NEVER, NEVER), false));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.OK);
        // two of three say 6: the latest of them, PRIMARY, answers; the gate would have taken the last answer
        assertThat(outcome.result().model()).isEqualTo(PRIMARY);
        assertThat(outcome.result().response().firstText()).contains("6 pears");
        assertThat(outcome.usage()).extracting(UsageEvent::model, UsageEvent::accepted)
                .containsExactly(tuple(DRAFTER, false), tuple(PRIMARY, true), tuple(FALLBACK, false));
        BigDecimal sum = outcome.usage().stream().map(UsageEvent::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(outcome.result().costUsd()).isEqualByComparingTo(sum);
        assertThat(outcome.result().cascade()).extracting(step -> step.accepted())
                .containsExactly(false, true, false);
    }

    @Test
    void withTheLastWordTheLastModelAnswersEvenWhenTheOthersAgree() {
        twoOfThreeSaySix();

        ExecutionOutcome outcome = run(routed(List.of(NEVER, NEVER), true));

        assertThat(outcome.result().model()).isEqualTo(FALLBACK);
    }

    @Test
    void anAcceptanceThatDoesNotFitThePlanFailsTheRequestWithoutACall() {
        ExecutionOutcome outcome = run(routed(List.of(NEVER), false));

        assertThat(outcome.result().status()).isEqualTo(ResultStatus.FAILED);
        assertThat(outcome.result().error().code()).isEqualTo(ErrorInfo.INVALID_REQUEST);
        assertThat(outcome.result().error().message()).contains("learned acceptance does not fit its steps");
        assertThat(provider(DRAFTER).callCount()).isZero();
    }

    /** The drafter and the primary answer 6, the last model 8. */
    private void twoOfThreeSaySix() {
        provider(DRAFTER).then(answer("4 + 2 = 6\n#### 6", 100, 10));
        provider(PRIMARY).then(answer("Ann ends with 4 + 2 = 6 pears.\n#### 6", 100, 14));
        provider(FALLBACK).then(answer("She has 4 * 2 = 8.\n#### 8", 100, 12));
    }

    private static RoutedRequest routed(List<List<Double>> weights, boolean lastWord) {
        RoutePlan plan = new RoutePlan(DRAFTER, CHAIN.stream().map(m -> new CascadeStep(m, null, null)).toList(),
                List.of(), null, null, null, null, "trained cascade",
                new LearnedAcceptance(weights, List.of("agreement"), lastWord, 0.5));
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, "r1", null, "acme", "maths", "alice",
                "sums", Map.of(), new ChatRequest(List.of(ChatMessage.of("user", PROMPT)), 200, null, null, null),
                null, null);
        Classification classification = new Classification(TaskType.MATHS, "general", null, 40, 20, Map.of(),
                List.of(), "test");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, classification, plan);
    }
}
