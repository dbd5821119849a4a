package dev.switchboard.executor.messaging;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many calls in flight against a real broker and a provider that holds chosen calls: offsets are committed only
 * below the oldest unfinished record, and at {@code executor.max-in-flight} the consumer takes no further record.
 */
@QuarkusTest
@TestProfile(InFlightCommitTest.FourInFlight.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(HeldProviderResource.class)
class InFlightCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_IN_FLIGHT = 4;
    private static final TopicPartition PARTITION = new TopicPartition(Topics.REQUESTS_ROUTED, 0);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    MeterRegistry registry;

    /** Live mode against the held provider, four calls at most, commits every half second, a short drain. */
    public static class FourInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("executor.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                    "mp.messaging.incoming.routed.auto.commit.interval.ms", "500",
                    "executor.shutdown.drain-timeout", "5s");
        }
    }

    @BeforeEach
    @AfterEach
    void answerWhatIsHeld() {
        HeldProviderResource.reset();
    }

    @Test
    void commitsOnlyBelowTheOldestUnfinishedRecordUntilItFinishes() {
        long start = companion.offsets().get(PARTITION, OffsetSpec.latest()).offset();
        String warmUp = produce("What is Kafka?");
        awaitResults(Set.of(warmUp));
        await().atMost(WAIT).until(() -> committed() == start + 1);

        String slow = produce("Summarise this long report " + HeldProviderResource.HOLD);
        Set<String> fast = IntStream.range(0, 3).mapToObj(i -> produce("Quick question " + i))
                .collect(Collectors.toSet());
        awaitResults(fast);

        // Three later records are done and acked, but the slow one before them is not: the commit stays at it.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> committed() == start + 1);

        HeldProviderResource.release();
        assertThat(awaitResults(Set.of(slow))).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(ResultStatus.OK));
        await().atMost(WAIT).until(() -> committed() == start + 5);
    }

    @Test
    void takesNoFurtherRecordWhileMaxInFlightCallsRunThenFinishesAll() {
        Set<String> ids = IntStream.range(0, 10)
                .mapToObj(i -> produce("Long task " + i + " " + HeldProviderResource.HOLD))
                .collect(Collectors.toSet());

        await().atMost(WAIT).until(() -> HeldProviderResource.received() == MAX_IN_FLIGHT);
        // Six records wait in Kafka, not in the executor: no further call starts while four are held.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> HeldProviderResource.received() == MAX_IN_FLIGHT && inFlightGauge() == MAX_IN_FLIGHT);

        HeldProviderResource.release();
        assertThat(awaitResults(ids)).hasSize(10).allSatisfy(result ->
                assertThat(result.status()).isEqualTo(ResultStatus.OK));
        assertThat(HeldProviderResource.peak()).isEqualTo(MAX_IN_FLIGHT);
        await().atMost(WAIT).until(() -> inFlightGauge() == 0);
    }

    private long committed() {
        OffsetAndMetadata offset = companion.consumerGroups().offsets("executor", PARTITION);
        return offset == null ? -1 : offset.offset();
    }

    private double inFlightGauge() {
        return registry.get(RoutedRequestConsumer.IN_FLIGHT).gauge().value();
    }

    /** Produces a routed request to partition 0 and returns its id. */
    private String produce(String prompt) {
        String id = "req-" + UUID.randomUUID();
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.REQUESTS_ROUTED, PARTITION.partition(), id,
                        Json.write(routed(id, prompt))))
                .awaitCompletion(WAIT);
        return id;
    }

    private List<LlmResult> awaitResults(Set<String> ids) {
        return companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> ids.contains(r.key())))
                .awaitRecords(ids.size(), WAIT).getRecords().stream()
                .map(ConsumerRecord::value)
                .map(value -> Json.read(value, LlmResult.class))
                .toList();
    }

    private static RoutedRequest routed(String id, String prompt) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 1, "acme", "support-bot", "alice", "faq",
                Map.of(), new ChatRequest(List.of(ChatMessage.of("user", prompt)), 50, null, null, null), null,
                Instant.now());
        RoutePlan plan = new RoutePlan("gpt-4.1-mini", List.of(new CascadeStep("gpt-4.1-mini", "openai", null)),
                List.of(), null, null, null, null, "in-flight test plan");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, null, plan);
    }
}
