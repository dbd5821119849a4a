package dev.switchboard.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.switchboard.core.intake.RequestIntake;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas of the public topics, their examples and the Java records agree. */
class PublicTopicSchemaTest {

    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

    static Stream<Path> requestExamples() throws IOException {
        return examples("request-");
    }

    static Stream<Path> resultExamples() throws IOException {
        return examples("result-");
    }

    @ParameterizedTest
    @MethodSource("requestExamples")
    void requestExamplesMatchTheSchemaAndAreAccepted(Path example) throws IOException {
        String json = Files.readString(example);
        assertThat(schema("llm.requests").validate(Json.tree(json))).isEmpty();
        assertThat(RequestIntake.read(json)).isInstanceOf(RequestIntake.Accepted.class);
    }

    @ParameterizedTest
    @MethodSource("resultExamples")
    void resultExamplesMatchTheSchemaAndReadAsRecords(Path example) throws IOException {
        String json = Files.readString(example);
        assertThat(schema("llm.results").validate(Json.tree(json))).isEmpty();
        LlmResult result = Json.read(json, LlmResult.class);
        assertThat(schema("llm.results").validate(Json.MAPPER.valueToTree(result))).isEmpty();
    }

    @Test
    void resultsWrittenByTheRecordsMatchTheSchema() {
        ChatResponse response = new ChatResponse("chatcmpl-1", "chat.completion", 1_795_256_130L, "gpt-4.1-mini",
                List.of(new ChatResponse.Choice(0, ChatMessage.of("assistant", "Paris."), "stop")),
                new ChatResponse.Usage(12, 3, 15, new ChatResponse.PromptTokensDetails(0)));
        TokenUsage usage = new TokenUsage(12, 0, 3);
        LlmResult ok = new LlmResult(LlmResult.SCHEMA_VERSION, "r1", 1, "acme", ResultStatus.OK, null, response,
                "gpt-4.1-mini", "simulated", usage, new BigDecimal("0.0000096"), new BigDecimal("0.000405"), 350L,
                List.of(new CascadeTraceEntry(1, "gpt-4.1-mini", "simulated", true, null, usage,
                        new BigDecimal("0.0000096"), 350, null)),
                false, Instant.parse("2026-11-21T10:00:00Z"));
        LlmResult rejected = LlmResult.rejected("r2", 1, "acme",
                new ErrorInfo(ErrorInfo.UNKNOWN_MODEL, "model 'gpt-9' is not in the catalog"), Instant.now());

        assertThat(errors("llm.results", ok)).isEmpty();
        assertThat(errors("llm.results", rejected)).isEmpty();
    }

    @Test
    void requestsWrittenByTheRecordsMatchTheSchema() {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, "r3", 1, "acme", "p", "u", "f",
                Map.of("env", "test"), new ChatRequest(List.of(ChatMessage.of("user", "hi")), 50, 0.2, null, null),
                new RoutingHints(Strategy.COST, null, new BigDecimal("0.01"), 2000L, 0.5, CascadeMode.ON,
                        Priority.BATCH, CacheMode.BYPASS, new RoutingWeights(1.0, null, 0.5)),
                Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(errors("llm.requests", request)).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheServiceRejects() {
        JsonNode noId = Json.tree("{\"tenant\":\"acme\",\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}");
        JsonNode badStrategy = Json.tree("{\"id\":\"a\",\"tenant\":\"acme\",\"body\":{\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"x\"}]},\"hints\":{\"strategy\":\"cheapest\"}}");
        JsonNode okWithoutError = Json.tree("{\"schema_version\":1,\"id\":\"a\",\"attempt\":1,\"status\":\"failed\"}");

        assertThat(schema("llm.requests").validate(noId)).isNotEmpty();
        assertThat(schema("llm.requests").validate(badStrategy)).isNotEmpty();
        for (String weights : List.of("{\"cost\":0,\"quality\":0}", "{}", "{\"price\":1}",
                "{\"cost\":-1,\"quality\":1}")) {
            String raw = "{\"id\":\"a\",\"tenant\":\"acme\",\"body\":{\"messages\":"
                    + "[{\"role\":\"user\",\"content\":\"x\"}]},\"hints\":{\"weights\":" + weights + "}}";
            assertThat(schema("llm.requests").validate(Json.tree(raw))).as(weights).isNotEmpty();
            assertThat(RequestIntake.read(raw)).as(weights).isInstanceOf(RequestIntake.Invalid.class);
        }
        assertThat(schema("llm.results").validate(okWithoutError)).isNotEmpty();
    }

    private static Set<ValidationMessage> errors(String topic, Object record) {
        return schema(topic).validate(Json.MAPPER.valueToTree(record));
    }

    private static JsonSchema schema(String topic) {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(topic + ".schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> examples(String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(SCHEMAS.resolve("examples"))) {
            files = all.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
        assertThat(files).as("examples under docs/schemas/examples").isNotEmpty();
        return files.stream();
    }
}
