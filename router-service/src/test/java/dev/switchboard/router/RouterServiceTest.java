package dev.switchboard.router;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.ClassifiedRequest;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.RoutingWeights;
import dev.switchboard.core.event.Strategy;
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

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Runs over src/test/resources/test-catalog.json: small-fast (0.55), sprinter (0.70, fastest, no json), medium-json
 * (0.80), large (0.95). For the 100 tokens in and 250 out of every request here they cost $0.00011, $0.0011,
 * $0.00055 and $0.0055 and take about 1.6, 0.6, 3.1 and 6.5 s.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RouterServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void plansTheBalancedChoiceAmongModelsReachingTheTierTargetWithFallbacks() {
        String id = newId();
        produce(classified(id, null, Complexity.MEDIUM, List.of("json")));

        ConsumerRecord<String, String> record = awaitRecord(Topics.REQUESTS_ROUTED, r -> id.equals(r.key()));

        RoutePlan plan = Json.read(record.value(), RoutedRequest.class).plan();
        // small-fast is cheaper but below the 0.75 quality target of medium complexity.
        assertThat(plan.primaryModel()).isEqualTo("medium-json");
        assertThat(plan.fallbacks()).containsExactly("large");
        assertThat(plan.estimatedCostUsd()).isEqualByComparingTo("0.00055"); // 100 in, 250 out at $0.50/$2.00
        assertThat(plan.baselineModel()).isEqualTo("large");
        assertThat(plan.baselineCostUsd()).isEqualByComparingTo("0.0055");
        assertThat(plan.strategy()).isEqualTo(Strategy.BALANCED);
        assertThat(plan.rationale()).isEqualTo("balanced (cost 0.50, latency 0.20, quality 0.30) meeting json: "
                + "medium-json scored 0.59, catalog quality 0.80 >= 0.75 (complexity=medium), ~3100 ms, $0.00055 est.");
        assertThat(RecordHeaders.text(record, Headers.EVENT_TYPE)).isEqualTo("RoutedRequest");
        assertThat(RecordHeaders.text(record, Headers.EVENT_ID)).isEqualTo(id + "/1/routed");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_requests_routed_total{model=\"medium-json\",strategy=\"balanced\"}"));
    }

    @Test
    void routesByThePredictedQualityOfTheClassifiedRecord() {
        String byCatalog = newId();
        String byPrediction = newId();
        // The predictor expects small-fast to answer this prompt well, although its catalog standing is 0.55.
        Map<String, Double> predicted = Map.of("small-fast", 0.90, "sprinter", 0.60, "medium-json", 0.50,
                "large", 0.95);
        produce(classified(byCatalog, hints(Strategy.COST, null), Complexity.MEDIUM, Map.of()),
                classified(byPrediction, hints(Strategy.COST, null), Complexity.MEDIUM, predicted));

        RoutePlan catalogPlan = awaitPlan(byCatalog);
        RoutePlan predictedPlan = awaitPlan(byPrediction);

        assertThat(catalogPlan.primaryModel()).isEqualTo("medium-json");
        assertThat(predictedPlan.primaryModel()).isEqualTo("small-fast");
        assertThat(predictedPlan.fallbacks()).containsExactly("large");
        assertThat(predictedPlan.rationale()).isEqualTo("cost (cost 1.00, latency 0.00, quality 0.00): small-fast "
                + "scored 1.00, predicted quality 0.90 >= 0.86 (0.90 x the best 0.95, complexity=medium), ~1550 ms, "
                + "$0.00011 est.");
    }

    @Test
    void eachStrategyPicksWhatItsWeightsSay() {
        Map<Strategy, String> expected = Map.of(Strategy.COST, "small-fast", Strategy.SPEED, "sprinter",
                Strategy.QUALITY, "large", Strategy.BALANCED, "small-fast");
        Map<Strategy, String> ids = new EnumMap<>(Strategy.class);
        for (Strategy strategy : Strategy.values()) {
            ids.put(strategy, newId());
            produce(classified(ids.get(strategy), hints(strategy, null), Complexity.LOW, Map.of()));
        }

        for (Strategy strategy : Strategy.values()) {
            RoutePlan plan = awaitPlan(ids.get(strategy));
            assertThat(plan.primaryModel()).as(strategy.wire()).isEqualTo(expected.get(strategy));
            assertThat(plan.strategy()).isEqualTo(strategy);
            assertThat(plan.rationale()).startsWith(strategy.wire() + " (cost ")
                    .contains(expected.get(strategy) + " scored ");
        }
    }

    @Test
    void theCallersWeightsOverrideTheStrategyDefaults() {
        String id = newId();
        // cost and quality only, half each: medium-json 0.29 + 0.31 beats small-fast's and large's 0.50.
        produce(classified(id, hints(Strategy.BALANCED, new RoutingWeights(1.0, null, 1.0)), Complexity.LOW,
                Map.of()));

        RoutePlan plan = awaitPlan(id);

        assertThat(plan.primaryModel()).isEqualTo("medium-json");
        assertThat(plan.fallbacks()).containsExactly("small-fast", "large");
        assertThat(plan.rationale()).startsWith("balanced, weights from hints (cost 0.50, latency 0.00, quality 0.50): "
                + "medium-json scored 0.61");
    }

    @Test
    void rejectsWeightsThatAreAllZeroWithAResultNamingTheField() {
        String id = newId();
        produce(classified(id, hints(null, new RoutingWeights(0.0, 0.0, 0.0)), Complexity.LOW, Map.of()));

        LlmResult result = Json.read(awaitRecord(Topics.RESULTS, r -> id.equals(r.key())).value(), LlmResult.class);

        assertThat(result.status()).isEqualTo(ResultStatus.REJECTED);
        assertThat(result.error().code()).isEqualTo(ErrorInfo.INVALID_REQUEST);
        assertThat(result.error().message()).contains("'hints.weights'").contains("at least one positive weight");
    }

    @Test
    void honoursAPinnedModelFromTheCatalog() {
        String id = newId();
        produce(classified(id, "large", Complexity.LOW, List.of()));

        RoutePlan plan = awaitPlan(id);

        assertThat(plan.primaryModel()).isEqualTo("large");
        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.provider()).isEqualTo("anthropic"));
        assertThat(plan.fallbacks()).isEmpty();
        assertThat(plan.rationale()).startsWith("pinned by hints.model: large");
    }

    @Test
    void rejectsAnUnknownPinnedModelWithAResultNamingIt() {
        String id = newId();
        produce(classified(id, "gpt-9", Complexity.LOW, List.of()));

        ConsumerRecord<String, String> record = awaitRecord(Topics.RESULTS, r -> id.equals(r.key()));

        LlmResult result = Json.read(record.value(), LlmResult.class);
        assertThat(result.status()).isEqualTo(ResultStatus.REJECTED);
        assertThat(result.tenant()).isEqualTo("acme");
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(result.error().code()).isEqualTo(ErrorInfo.UNKNOWN_MODEL);
        assertThat(result.error().message()).contains("'gpt-9'").contains("not in the catalog");
        assertThat(RecordHeaders.text(record, Headers.EVENT_TYPE)).isEqualTo("LlmResult");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_requests_rejected_total{code=\"unknown_model\"}"));
    }

    @Test
    void deadLettersAnUnreadableRecordAndGoesOn() {
        String key = "poison-" + newId();
        String goodId = newId();
        // Same key for both, so the good record sits behind the bad one on the same partition.
        produce(new ProducerRecord<>(Topics.REQUESTS_CLASSIFIED, key, "{\"request\": oops"),
                new ProducerRecord<>(Topics.REQUESTS_CLASSIFIED, key,
                        Json.write(classifiedRequest(goodId, null, Complexity.LOW, List.of()))));

        ConsumerRecord<String, String> dead = awaitRecord(Topics.DLQ, r -> key.equals(r.key()));

        assertThat(dead.value()).isEqualTo("{\"request\": oops");
        assertThat(RecordHeaders.text(dead, "dead-letter-reason")).contains("not a valid ClassifiedRequest");
        assertThat(RecordHeaders.text(dead, Headers.DLQ_SERVICE)).isEqualTo("router");
        assertThat(awaitRecord(Topics.REQUESTS_ROUTED, r -> goodId.equals(r.key())).value()).contains("small-fast");
    }

    @Test
    void reportsHealthUp() {
        await().atMost(WAIT).untilAsserted(() ->
                given().when().get("/q/health").then().statusCode(200).body("status", is("UP")));
    }

    private static ProducerRecord<String, String> classified(String id, String pinned, Complexity complexity,
                                                             List<String> capabilities) {
        return record(classifiedRequest(id, new RoutingHints(null, pinned, null, null, null, null, null, null),
                complexity, capabilities, Map.of()));
    }

    private static ProducerRecord<String, String> classified(String id, RoutingHints hints, Complexity complexity,
                                                             Map<String, Double> predictedQuality) {
        return record(classifiedRequest(id, hints, complexity, List.of(), predictedQuality));
    }

    private static ProducerRecord<String, String> record(ClassifiedRequest classified) {
        return new ProducerRecord<>(Topics.REQUESTS_CLASSIFIED, "acme", Json.write(classified));
    }

    private static RoutingHints hints(Strategy strategy, RoutingWeights weights) {
        return new RoutingHints(strategy, null, null, null, null, null, null, null, weights);
    }

    private static ClassifiedRequest classifiedRequest(String id, String pinned, Complexity complexity,
                                                       List<String> capabilities) {
        return classifiedRequest(id, new RoutingHints(null, pinned, null, null, null, null, null, null), complexity,
                capabilities, Map.of());
    }

    private static ClassifiedRequest classifiedRequest(String id, RoutingHints hints, Complexity complexity,
                                                       List<String> capabilities,
                                                       Map<String, Double> predictedQuality) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 1, "acme", null, null, null, null,
                new ChatRequest(List.of(ChatMessage.of("user", "Hello")), null, null, null, null), hints, null);
        Classification classification = new Classification(TaskType.CHAT, "general", complexity, 100, 250,
                predictedQuality, capabilities, "rules-1");
        return new ClassifiedRequest(ClassifiedRequest.SCHEMA_VERSION, request, classification);
    }

    private RoutePlan awaitPlan(String id) {
        return Json.read(awaitRecord(Topics.REQUESTS_ROUTED, r -> id.equals(r.key())).value(), RoutedRequest.class)
                .plan();
    }

    @SafeVarargs
    private void produce(ProducerRecord<String, String>... records) {
        companion.produceStrings().fromRecords(List.of(records)).awaitCompletion(WAIT);
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return companion.consumeStrings()
                .withGroupId("test-" + newId())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic, records -> records.select().where(match).select().first(1))
                .awaitCompletion(WAIT)
                .getFirstRecord();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
