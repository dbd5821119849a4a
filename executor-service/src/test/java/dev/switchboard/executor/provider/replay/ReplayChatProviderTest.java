package dev.switchboard.executor.provider.replay;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkReader;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.executor.provider.replay.ReplayTestData.BENCHMARK;
import static dev.switchboard.executor.provider.replay.ReplayTestData.CATALOG;
import static dev.switchboard.executor.provider.replay.ReplayTestData.GSM_PROMPT;
import static dev.switchboard.executor.provider.replay.ReplayTestData.LLAMA;
import static dev.switchboard.executor.provider.replay.ReplayTestData.MIXTRAL;
import static dev.switchboard.executor.provider.replay.ReplayTestData.MODELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayChatProviderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private final ModelCatalog catalog = RecordedCatalog.toCatalog(RecordedCatalog.readModels(
            new ByteArrayInputStream(MODELS.getBytes(StandardCharsets.UTF_8)), "models.json"));
    private final ReplayChatProvider replay = new ReplayChatProvider(ReplayIndex.of(lines()), 0, CLOCK);

    @AfterEach
    void close() {
        replay.close();
    }

    @Test
    void answersARecordedPromptWithTheChosenModelsRecordedAnswerTokensAndCost() {
        ProviderReply reply = replay.answer(call(LLAMA, ChatMessage.of("user", GSM_PROMPT)));

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.response().firstText()).isEqualTo("{\"answer\": \"18\"}");
        assertThat(reply.response().model()).isEqualTo(LLAMA);
        assertThat(reply.response().usage().promptTokens()).isEqualTo(141);
        assertThat(reply.usage().inputTokens()).isEqualTo(141);
        assertThat(reply.usage().outputTokens()).isEqualTo(102);
        assertThat(reply.billedCostUsd()).isEqualTo(new BigDecimal("0.00009555"));
        assertThat(replay.name()).isEqualTo("replay");
    }

    @Test
    void statesTheRecordedCostRoundedToTheLedgersScaleRatherThanCatalogPriceTimesTokens() {
        ProviderReply reply = replay.answer(call(MIXTRAL, ChatMessage.of("user", GSM_PROMPT)));

        // 141 x 0.6 + 3 x 0.6 per 1M would be 0.0000864; the recording says what the call really cost
        // (RouterBench-style float artefact 0.0005479999999999999, billed at 10 decimal places)
        assertThat(reply.billedCostUsd()).isEqualTo(new BigDecimal("0.0005480000"));
        assertThat(reply.usage().outputTokens()).isEqualTo(3);
    }

    @Test
    void theFlowTestsCatalogLiteralIsWhatTheConverterWrites() {
        ModelCatalog literal = ModelCatalog.parse(new ByteArrayInputStream(
                CATALOG.getBytes(StandardCharsets.UTF_8)));

        assertThat(literal.models()).usingRecursiveFieldByFieldElementComparator(
                RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .isEqualTo(catalog.models());
    }

    @Test
    void findsAMtBenchConversationByItsFirstTurn() {
        ProviderReply firstTurnOnly = replay.answer(call(MIXTRAL, ChatMessage.of("user", "Draft an email.")));
        ProviderReply conversation = replay.answer(call(MIXTRAL, ChatMessage.of("user", "Draft  an email.\n"),
                ChatMessage.of("assistant", "Dear boss"), ChatMessage.of("user", "Now critique it.")));

        assertThat(firstTurnOnly.response().firstText()).startsWith("Dear boss\n[MT-Bench turn 2 answer]");
        assertThat(conversation.response().firstText()).isEqualTo(firstTurnOnly.response().firstText());
        assertThat(conversation.billedCostUsd()).isEqualByComparingTo("0.0017");
    }

    @Test
    void failsWithReplayMissNamingTheModelAndTheFirst60CharactersOfAnUnrecordedPrompt() {
        String prompt = "What is the capital of France? Answer in one word, then explain why it became the capital.";
        ProviderReply reply = replay.answer(call(LLAMA, ChatMessage.of("user", prompt)));

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.retryable()).isFalse();
        assertThat(reply.error().code()).isEqualTo("replay_miss");
        assertThat(reply.error().message()).contains(LLAMA, "\"" + prompt.substring(0, 60) + "…\"")
                .doesNotContain(prompt.substring(0, 61));
        assertThat(reply.billedCostUsd()).isNull();
    }

    @Test
    void failsWithReplayMissWhenTheModelHasNoRecordedAnswerForThePrompt() {
        ProviderReply reply = replay.answer(call(LLAMA, ChatMessage.of("user", "Draft an email.")));

        assertThat(reply.error().code()).isEqualTo("replay_miss");
        assertThat(reply.error().message()).contains("model '" + LLAMA + "'", "\"Draft an email.\"",
                "routellm/mt_bench/82", MIXTRAL);
    }

    @Test
    void delaysTheReplyWithATimerWithoutBlockingTheCaller() throws Exception {
        try (ReplayChatProvider slow = new ReplayChatProvider(ReplayIndex.of(lines()), 200, CLOCK)) {
            long started = System.nanoTime();
            CompletableFuture<ProviderReply> reply = slow.complete(call(LLAMA, ChatMessage.of("user", GSM_PROMPT)))
                    .toCompletableFuture();
            long returnedAfter = System.nanoTime() - started;

            assertThat(reply.get(5, TimeUnit.SECONDS).isOk()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(returnedAfter)).isLessThan(200);
        }
        assertThat(replay.complete(call(LLAMA, ChatMessage.of("user", GSM_PROMPT))).toCompletableFuture().isDone())
                .isTrue();
    }

    @Test
    void loadsBenchmarkFilesAndNamesAFileItCannotRead(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bench.jsonl"), BENCHMARK);

        ReplayIndex index = ReplayIndex.load(List.of(file));

        assertThat(index.prompts()).isEqualTo(2);
        assertThatThrownBy(() -> ReplayIndex.load(List.of(dir.resolve("missing.jsonl"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.jsonl");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\":\"x\"}\n");
        assertThatThrownBy(() -> ReplayIndex.load(List.of(bad))).hasMessageContaining("bad.jsonl line 1");
        assertThatThrownBy(() -> ReplayIndex.load(List.of())).hasMessageContaining("executor.replay.data");
    }

    @Test
    void answersEveryPromptOfTheRecordedGsm8kFileForEveryModel() throws IOException {
        Path data = Path.of("../../shared/data/routing/zeroeval-gsm8k.dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(data), "routing data set not found: " + data);
        List<BenchmarkLine> lines = BenchmarkReader.read(Files.newBufferedReader(data), data.toString());
        ReplayIndex index = ReplayIndex.load(List.of(data));

        assertThat(index.prompts()).isEqualTo(lines.size());
        for (BenchmarkLine line : lines) {
            ChatRequest body = new ChatRequest(List.of(ChatMessage.of("user", line.prompt())), null, null, null, null);
            assertThat(index.find(body)).contains(line);
        }
    }

    static List<BenchmarkLine> lines() {
        return BenchmarkReader.read(new StringReader(BENCHMARK), "bench.jsonl");
    }

    private ProviderCall call(String model, ChatMessage... messages) {
        return new ProviderCall("req-1", 1, catalog.require(model), new ChatRequest(List.of(messages), null, null,
                null, null));
    }
}
