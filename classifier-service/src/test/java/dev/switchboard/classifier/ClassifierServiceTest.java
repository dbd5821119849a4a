package dev.switchboard.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.Topics;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.ClassifiedRequest;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import dev.switchboard.testsupport.RecordHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ClassifierServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void classifiesARequestAndKeysItByTenant() {
        String id = newId();
        produce(new ProducerRecord<>(Topics.REQUESTS, id,
                request(id, "Translate into French: 'Where is the train station?'")));

        ConsumerRecord<String, String> record = awaitClassified(id);

        ClassifiedRequest classified = Json.read(record.value(), ClassifiedRequest.class);
        assertThat(record.key()).isEqualTo("acme");
        assertThat(classified.request().id()).isEqualTo(id);
        assertThat(classified.classification().taskType()).isEqualTo(TaskType.TRANSLATION);
        assertThat(classified.classification().inputTokens()).isPositive();
        assertThat(classified.classification().classifierVersion()).startsWith("rules-1+");
        assertThat(RecordHeaders.text(record, Headers.EVENT_TYPE)).isEqualTo("ClassifiedRequest");
        assertThat(RecordHeaders.text(record, Headers.EVENT_ID)).isEqualTo(id + "/1/classified");
        assertThat(RecordHeaders.text(record, Headers.SCHEMA_VERSION)).isEqualTo("1");
    }

    @Test
    void predictsEveryCatalogModelsChanceOfAGoodAnswerFromThePrompt() {
        String easy = newId();
        String hard = newId();
        produce(new ProducerRecord<>(Topics.REQUESTS, easy, request(easy, "What is the capital of France?")));
        produce(new ProducerRecord<>(Topics.REQUESTS, hard, request(hard, "Write a Python function that returns "
                + "the longest palindromic subsequence of a string, and prove its time complexity.")));

        Map<String, Double> easyPrediction = predicted(easy);
        Map<String, Double> hardPrediction = predicted(hard);

        ModelCatalog catalog = ModelCatalog.builtIn();
        for (Map<String, Double> prediction : List.of(easyPrediction, hardPrediction)) {
            assertThat(prediction.keySet()).containsExactlyInAnyOrderElementsOf(
                    catalog.models().stream().map(ModelSpec::id).toList());
            assertThat(prediction.values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            // Carried over by quality level: a stronger catalog model is never predicted worse on the same prompt.
            List<Double> byQuality = catalog.models().stream()
                    .sorted(Comparator.comparingDouble(ModelSpec::quality)).map(m -> prediction.get(m.id())).toList();
            assertThat(byQuality).isSortedAccordingTo(Comparator.naturalOrder());
        }
        assertThat(easyPrediction).isNotEqualTo(hardPrediction);
    }

    private Map<String, Double> predicted(String id) {
        Classification classification = Json.read(awaitClassified(id).value(), ClassifiedRequest.class)
                .classification();
        assertThat(classification.classifierVersion()).startsWith("rules-1+");
        return classification.predictedQuality();
    }

    static Stream<Arguments> invalidRequestsWithAnId() {
        return Stream.of(
                arguments("no messages", "{\"id\":\"%s\",\"attempt\":3,\"tenant\":\"acme\",\"body\":{\"messages\":[]}}",
                        3, "body.messages"),
                arguments("unknown strategy", "{\"id\":\"%s\",\"tenant\":\"acme\",\"body\":{\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"Hi\"}]},\"hints\":{\"strategy\":\"cheapest\"}}",
                        1, "hints.strategy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequestsWithAnId")
    void rejectsAnInvalidRequestThatHasAnIdAndGoesOn(String name, String template, int attempt, String field) {
        String badId = newId();
        String goodId = newId();
        // Same key for both, so the good record sits behind the bad one on the same partition.
        produce(new ProducerRecord<>(Topics.REQUESTS, badId, template.formatted(badId)),
                new ProducerRecord<>(Topics.REQUESTS, badId, request(goodId, "Hi there!")));

        ConsumerRecord<String, String> record = awaitRecord(Topics.RESULTS, r -> badId.equals(r.key()));

        LlmResult result = Json.read(record.value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.REJECTED);
        assertThat(result.attempt()).isEqualTo(attempt);
        assertThat(result.tenant()).isEqualTo("acme");
        assertThat(result.error().code()).isEqualTo(ErrorInfo.INVALID_REQUEST);
        assertThat(result.error().message()).contains("'" + field + "'");
        assertThat(RecordHeaders.text(record, Headers.EVENT_TYPE)).isEqualTo("LlmResult");
        assertThat(Json.read(awaitClassified(goodId).value(), ClassifiedRequest.class).classification().taskType())
                .isEqualTo(TaskType.CHAT);
    }

    static Stream<Arguments> unreadableRecords() {
        String noId = "{\"tenant\":\"acme\",\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}";
        return Stream.of(
                arguments("not JSON", "this is not json {", "record value is not JSON"),
                arguments("JSON without id", noId, "field 'id' is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableRecords")
    void deadLettersARecordWithoutARequestIdAndGoesOn(String name, String raw, String reason) {
        String key = "poison-" + newId();
        String goodId = newId();
        produce(new ProducerRecord<>(Topics.REQUESTS, key, raw),
                new ProducerRecord<>(Topics.REQUESTS, key, request(goodId, "Write a poem about the sea.")));

        ConsumerRecord<String, String> dead = awaitRecord(Topics.DLQ, r -> key.equals(r.key()));

        assertThat(dead.value()).isEqualTo(raw);
        assertThat(RecordHeaders.text(dead, "dead-letter-reason")).contains(reason);
        assertThat(RecordHeaders.text(dead, "dead-letter-topic")).isEqualTo(Topics.REQUESTS);
        assertThat(RecordHeaders.text(dead, Headers.DLQ_REASON)).contains(reason);
        assertThat(RecordHeaders.text(dead, Headers.DLQ_SERVICE)).isEqualTo("classifier");
        assertThat(Json.read(awaitClassified(goodId).value(), ClassifiedRequest.class).classification().taskType())
                .isEqualTo(TaskType.CREATIVE);
    }

    @Test
    void countsClassifiedRequestsByTaskTypeAndOutcome() {
        String id = newId();
        produce(new ProducerRecord<>(Topics.REQUESTS, id, request(id, "Summarize this: the meeting moved to Friday.")));
        awaitClassified(id);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_classifier_requests_total{outcome=\"classified\","
                        + "task_type=\"summarisation\"}"));
    }

    @Test
    void reportsHealthUp() {
        await().atMost(WAIT).untilAsserted(() ->
                given().when().get("/q/health").then().statusCode(200).body("status", is("UP")));
    }

    private static String request(String id, String prompt) {
        return """
                {"schema_version":1,"id":"%s","tenant":"acme","project":"test",
                 "body":{"messages":[{"role":"user","content":%s}]}}""".formatted(id, Json.write(prompt));
    }

    @SafeVarargs
    private void produce(ProducerRecord<String, String>... records) {
        companion.produceStrings().fromRecords(List.of(records)).awaitCompletion(WAIT);
    }

    private ConsumerRecord<String, String> awaitClassified(String requestId) {
        return awaitRecord(Topics.REQUESTS_CLASSIFIED, r -> requestId.equals(requestIdOf(r.value())));
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return companion.consumeStrings()
                .withGroupId("test-" + newId())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic, records -> records.select().where(match).select().first(1))
                .awaitCompletion(WAIT)
                .getFirstRecord();
    }

    private static String requestIdOf(String classifiedJson) {
        JsonNode tree = Json.tree(classifiedJson);
        return tree.path("request").path("id").asText();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
