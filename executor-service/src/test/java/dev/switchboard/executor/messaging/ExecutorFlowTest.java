package dev.switchboard.executor.messaging;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.service.ExecutionOutcome;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import dev.switchboard.testsupport.RecordHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The executor against a real broker: routed requests in, results and usage events out, bad records dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ExecutorFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void answersRoutedRequestWithOneResultAndOneUsageEventOfEqualCost() {
        String id = "req-" + UUID.randomUUID();
        produce(id, Json.write(routed(id, "gpt-4.1-mini")));

        ConsumerRecord<String, String> resultRecord = companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord();
        LlmResult result = Json.read(resultRecord.value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.OK);
        assertThat(result.provider()).isEqualTo("simulated");
        assertThat(result.model()).isEqualTo("gpt-4.1-mini");
        assertThat(result.response().model()).isEqualTo("gpt-4.1-mini");
        assertThat(result.response().firstText()).startsWith("[simulated answer from gpt-4.1-mini]");
        assertThat(result.usage().inputTokens()).isPositive();
        assertThat(result.usage().outputTokens()).isPositive();
        assertThat(result.costUsd()).isPositive();
        assertThat(result.baselineCostUsd()).isGreaterThanOrEqualTo(result.costUsd());
        assertThat(result.cascade()).singleElement()
                .satisfies(step -> assertThat(step.model()).isEqualTo("gpt-4.1-mini"));
        assertThat(result.cacheHit()).isFalse();
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(RecordHeaders.text(resultRecord, Headers.EVENT_TYPE)).isEqualTo("LlmResult");

        String eventId = UsageEvent.eventIdFor(id, 2, ExecutionOutcome.FIRST_STEP);
        ConsumerRecord<String, String> usageRecord = companion.consumeStrings()
                .fromTopics(Topics.USAGE, records -> records.select().where(r -> eventId.equals(RecordHeaders.text(r, Headers.EVENT_ID))))
                .awaitRecords(1, WAIT).getFirstRecord();
        UsageEvent usage = Json.read(usageRecord.value(), UsageEvent.class);
        assertThat(usageRecord.key()).isEqualTo("acme");
        assertThat(usage.eventId()).isEqualTo(eventId);
        assertThat(usage.outcome()).isEqualTo(UsageOutcome.OK);
        assertThat(usage.costUsd()).isEqualByComparingTo(result.costUsd());
        assertThat(usage.inputTokens()).isEqualTo(result.usage().inputTokens());
        assertThat(List.of(usage.tenant(), usage.project(), usage.user(), usage.feature()))
                .containsExactly("acme", "support-bot", "alice", "faq");
        assertThat(RecordHeaders.text(usageRecord, Headers.SCHEMA_VERSION)).isEqualTo("1");

        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("switchboard_executor_calls_total{", "outcome=\"ok\"",
                "switchboard_executor_call_latency_seconds_count{", "switchboard_executor_in_flight");
    }

    @Test
    void deadLettersAnUnreadableRecordAndAnswersTheNextOne() {
        String id = "req-" + UUID.randomUUID();
        produce(id, "{not a routed request");
        produce(id, Json.write(routed(id, "gpt-4.1-nano")));

        ConsumerRecord<String, String> dead = companion.consumeStrings()
                .fromTopics(Topics.DLQ, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord();
        assertThat(dead.value()).isEqualTo("{not a routed request");
        assertThat(RecordHeaders.text(dead, "dead-letter-reason")).contains("not a valid RoutedRequest");
        assertThat(RecordHeaders.text(dead, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(Topics.REQUESTS_ROUTED);

        LlmResult result = Json.read(companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord().value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.OK);
        assertThat(result.model()).isEqualTo("gpt-4.1-nano");
    }

    @Test
    void answersAnUnknownModelWithAFailedResult() {
        String id = "req-" + UUID.randomUUID();
        RoutedRequest routed = routed(id, "gpt-9-ultra");
        produce(id, Json.write(new RoutedRequest(routed.schemaVersion(), routed.request(), null, new RoutePlan(
                "gpt-9-ultra", List.of(new CascadeStep("gpt-9-ultra", "openai", null)), List.of(), null, null, null,
                null, "unknown model, nothing to fall back to"))));

        LlmResult result = Json.read(companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord().value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.error().code()).isEqualTo("unknown_model");
        assertThat(result.costUsd()).isZero();
    }

    @Test
    void escalatesADraftTheGateTurnsDownAndPublishesAUsageEventPerCall() {
        String id = "req-" + UUID.randomUUID();
        RoutedRequest routed = routed(id, "gpt-4.1-nano");
        // A code task: the simulated drafter writes prose, which the quality gate turns down.
        Classification code = new Classification(TaskType.CODE, "software", Complexity.MEDIUM, 12, 200, Map.of(),
                List.of(), "test");
        produce(id, Json.write(new RoutedRequest(routed.schemaVersion(), routed.request(), code, routed.plan())));

        LlmResult result = Json.read(companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord().value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.OK);
        assertThat(result.model()).isEqualTo("gpt-4.1");
        assertThat(result.cascade()).extracting(CascadeTraceEntry::model).containsExactly("gpt-4.1-nano", "gpt-4.1");
        List<UsageEvent> usage = companion.consumeStrings()
                .fromTopics(Topics.USAGE, records -> records.select().where(r -> r.value().contains(id)))
                .awaitRecords(2, WAIT).getRecords().stream()
                .map(r -> Json.read(r.value(), UsageEvent.class)).toList();
        assertThat(usage).extracting(UsageEvent::eventId, UsageEvent::accepted)
                .containsExactlyInAnyOrder(tuple(id + ":2:1", false), tuple(id + ":2:2", true));
        assertThat(usage.stream().map(UsageEvent::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.costUsd());
    }

    private void produce(String key, String value) {
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.REQUESTS_ROUTED, key, value))
                .awaitCompletion(WAIT);
    }

    private static RoutedRequest routed(String id, String model) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 2, "acme", "support-bot", "alice", "faq",
                Map.of(), new ChatRequest(List.of(ChatMessage.of("user", "How do I reset my password?")), 200, null,
                null, null), null, Instant.now());
        RoutePlan plan = new RoutePlan(model, List.of(new CascadeStep(model, "openai", 0.7),
                new CascadeStep("gpt-4.1", "openai", null)), List.of(), null, null, null, null, "test plan");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, null, plan);
    }
}
