package dev.switchboard.executor.provider;

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
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live adapters whose providers echo the API key in their error bodies: the keys reach no result, no usage event,
 * no log line and no configuration's {@code toString()}.
 */
@QuarkusTest
@TestProfile(ApiKeyLeakTest.LiveWithFakeKeys.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(LeakyProvidersResource.class)
class ApiKeyLeakTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path LOG = Path.of(System.getProperty("java.io.tmpdir"),
            "switchboard-api-key-leak-" + ProcessHandle.current().pid() + ".log");

    /** Live mode, the fake keys (two for OpenAI), and the executor's log also written to a file we can read. */
    public static class LiveWithFakeKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("executor.provider-mode", "live",
                    "executor.providers.openai.api-keys", LeakyProvidersResource.OPENAI_FIRST + ","
                            + LeakyProvidersResource.OPENAI_SECOND,
                    "executor.providers.anthropic.api-key", LeakyProvidersResource.ANTHROPIC,
                    "executor.providers.google.api-key", LeakyProvidersResource.GOOGLE,
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.level", "DEBUG",
                    "quarkus.log.category.\"dev.switchboard\".level", "DEBUG");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    ExecutorConfig config;

    @Test
    void noKeyAppearsInResultsUsageEventsLogsOrConfiguration() throws IOException {
        String tenant = "leak-" + UUID.randomUUID();
        Map<String, String> models = new LinkedHashMap<>();
        models.put("gpt-4.1-mini", "Say hi");
        models.put("gpt-4.1-mini " + LeakyProvidersResource.FAIL, "Say hi " + LeakyProvidersResource.FAIL);
        models.put("gpt-4.1-mini " + LeakyProvidersResource.ROTATE, "Say hi " + LeakyProvidersResource.ROTATE);
        models.put("claude-3-5-haiku", "Say hi");
        models.put("claude-3-5-haiku " + LeakyProvidersResource.FAIL, "Say hi " + LeakyProvidersResource.FAIL);
        models.put("gemini-2.0-flash", "Say hi");
        models.put("gemini-2.0-flash " + LeakyProvidersResource.FAIL, "Say hi " + LeakyProvidersResource.FAIL);
        Set<String> ids = new java.util.HashSet<>();
        models.forEach((label, prompt) -> {
            String id = "leak-" + UUID.randomUUID();
            ids.add(id);
            produce(id, Json.write(routed(id, tenant, label.split(" ")[0], prompt)));
        });

        List<ConsumerRecord<String, String>> results = companion.consumeStrings()
                .fromTopics(Topics.RESULTS, records -> records.select().where(r -> ids.contains(r.key())))
                .awaitRecords(ids.size(), WAIT).getRecords();
        List<ConsumerRecord<String, String>> usage = companion.consumeStrings()
                .fromTopics(Topics.USAGE, records -> records.select().where(r -> tenant.equals(r.key())))
                .awaitRecords(3, WAIT).getRecords();

        List<LlmResult> read = results.stream().map(r -> Json.read(r.value(), LlmResult.class)).toList();
        // The three [fail] prompts fail with the echoed key scrubbed; the [rotate] one passes on the second key.
        assertThat(read).filteredOn(r -> r.status() == ResultStatus.FAILED).hasSize(3)
                .allSatisfy(r -> assertThat(r.error().message()).contains("[redacted]"));
        assertThat(read).filteredOn(r -> r.status() == ResultStatus.OK).extracting(LlmResult::provider)
                .containsExactlyInAnyOrder("openai", "openai", "anthropic", "google");
        assertNoKeyIn("llm.results", results);
        assertNoKeyIn("llm.usage", usage);
        assertThat(Files.readString(LOG)).contains("live adapters").doesNotContain(LeakyProvidersResource.CANARY);
        assertThat(config.toString() + config.providers() + config.providers().get("openai"))
                .doesNotContain(LeakyProvidersResource.CANARY);
        Files.deleteIfExists(LOG);
    }

    private static void assertNoKeyIn(String topic, List<ConsumerRecord<String, String>> records) {
        assertThat(records).as(topic).isNotEmpty();
        for (ConsumerRecord<String, String> record : records) {
            String headers = java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                    .map(ApiKeyLeakTest::header).collect(Collectors.joining(";"));
            assertThat(record.key() + record.value() + headers).as(topic).doesNotContain(LeakyProvidersResource.CANARY);
        }
    }

    private static String header(Header header) {
        return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
    }

    private void produce(String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.REQUESTS_ROUTED, key, value))
                .awaitCompletion(WAIT);
    }

    private static RoutedRequest routed(String id, String tenant, String model, String prompt) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 1, tenant, "leak-test", "alice", "faq",
                Map.of(), new ChatRequest(List.of(ChatMessage.of("user", prompt)), 50, null, null, null), null,
                Instant.now());
        RoutePlan plan = new RoutePlan(model, List.of(new CascadeStep(model, null, null)), List.of(), null, null,
                null, null, "leak test");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, null, plan);
    }
}
