package dev.switchboard.executor.provider.replay;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.switchboard.executor.provider.replay.ReplayTestData.BENCHMARK;
import static dev.switchboard.executor.provider.replay.ReplayTestData.CATALOG;
import static dev.switchboard.executor.provider.replay.ReplayTestData.GSM_PROMPT;
import static dev.switchboard.executor.provider.replay.ReplayTestData.LLAMA;
import static dev.switchboard.executor.provider.replay.ReplayTestData.MIXTRAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor in replay mode against a real broker: a routed request for a recorded prompt gets the chosen model's
 * recorded answer, and its result and usage event carry exactly the recorded cost.
 */
@QuarkusTest
@TestProfile(ReplayFlowTest.ReplayMode.class)
@WithTestResource(KafkaTestResource.class)
class ReplayFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    /** Replay mode over a synthetic benchmark file, with the catalog converted from its models file. */
    public static class ReplayMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // plain strings and java.nio only: this runs before the application's class loader exists
            Path dir = Path.of("target", "replay-flow-test").toAbsolutePath();
            try {
                Files.createDirectories(dir);
                Path data = Files.writeString(dir.resolve("bench.jsonl"), BENCHMARK);
                Path catalog = Files.writeString(dir.resolve("catalog.json"), CATALOG);
                return Map.of("executor.provider-mode", "replay", "executor.replay.data", data.toString(),
                        "switchboard.catalog.path", catalog.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void answersARecordedPromptWithTheRecordedAnswerAndBillsExactlyTheRecordedCost() {
        String id = "req-" + UUID.randomUUID();
        produce(id, routed(id, LLAMA, GSM_PROMPT));

        LlmResult result = result(id);
        assertThat(result.status()).isEqualTo(ResultStatus.OK);
        assertThat(result.provider()).isEqualTo("replay");
        assertThat(result.model()).isEqualTo(LLAMA);
        assertThat(result.response().firstText()).isEqualTo("{\"answer\": \"18\"}");
        assertThat(result.usage().inputTokens()).isEqualTo(141);
        assertThat(result.usage().outputTokens()).isEqualTo(102);
        assertThat(result.costUsd()).isEqualTo(new BigDecimal("0.00009555"));

        String eventId = UsageEvent.eventIdFor(id, 1, 1);
        UsageEvent usage = Json.read(companion.consumeStrings()
                .fromTopics(Topics.USAGE, records -> records.select().where(r -> eventId.equals(header(r))))
                .awaitRecords(1, WAIT).getFirstRecord().value(), UsageEvent.class);
        assertThat(usage.provider()).isEqualTo("replay");
        assertThat(usage.model()).isEqualTo(LLAMA);
        assertThat(usage.costUsd()).isEqualTo(new BigDecimal("0.00009555"));
    }

    @Test
    void answersAnUnrecordedPromptWithAFailedReplayMissResult() {
        String id = "req-" + UUID.randomUUID();
        produce(id, routed(id, MIXTRAL, "A prompt nobody recorded."));

        LlmResult result = result(id);
        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.error().code()).isEqualTo("replay_miss");
        assertThat(result.error().message()).contains(MIXTRAL, "A prompt nobody recorded.");
        assertThat(result.costUsd()).isZero();
    }

    private LlmResult result(String id) {
        return Json.read(companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> id.equals(r.key())))
                .awaitRecords(1, WAIT).getFirstRecord().value(), LlmResult.class);
    }

    private void produce(String key, RoutedRequest routed) {
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.REQUESTS_ROUTED, key, Json.write(routed)))
                .awaitCompletion(WAIT);
    }

    private static RoutedRequest routed(String id, String model, String prompt) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 1, "bench-gsm8k", "zeroeval", "replay",
                "gsm8k", Map.of(), new ChatRequest(List.of(ChatMessage.of("user", prompt)), null, null, null, null),
                null, Instant.now());
        RoutePlan plan = new RoutePlan(model, List.of(new CascadeStep(model, "together", null)), List.of(), null, null,
                null, null, "test plan");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, null, plan);
    }

    private static String header(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Headers.EVENT_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
