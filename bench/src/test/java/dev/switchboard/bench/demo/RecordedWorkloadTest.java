package dev.switchboard.bench.demo;

import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.intake.RequestIntake;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.ScoreComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecordedWorkloadTest {

    private static final String MODELS = """
            [{"id":"cheap/model","provider":"together","input_usd_per_mtok":0.1,"output_usd_per_mtok":0.1},
             {"id":"strong@host","provider":"openai","input_usd_per_mtok":10,"output_usd_per_mtok":30}]""";

    @TempDir
    Path dir;

    @Test
    void spreadsTheLimitOverTheFilesAndEvenlyThroughEach() throws IOException {
        Path gsm = file("demo-gsm8k.dev.jsonl", "gsm8k", 10);
        Path crux = file("demo-crux.dev.jsonl", "crux", 4);
        Files.writeString(dir.resolve("demo.models.json"), MODELS);

        RecordedWorkload workload = RecordedWorkload.load(List.of(gsm, crux), null, 7);

        assertThat(workload.lines()).extracting(BenchmarkLine::id).containsExactly(
                "demo/gsm8k/0", "demo/gsm8k/2", "demo/gsm8k/5", "demo/gsm8k/7", "demo/crux/0", "demo/crux/1",
                "demo/crux/2");
        assertThat(workload.modelsFile()).isEqualTo(dir.resolve("demo.models.json"));
        assertThat(workload.modelCatalog().strongest().id()).isEqualTo("strong@host");
        assertThat(RecordedWorkload.load(List.of(gsm, crux), null, null).lines()).hasSize(14);
        assertThat(RecordedWorkload.load(List.of(gsm, crux), null, 100).lines()).hasSize(14);
    }

    @Test
    void buildsOneValidRequestPerPromptWithTheLineIdAndThePromptAsUserMessage() throws IOException {
        Path gsm = file("demo-gsm8k.dev.jsonl", "gsm8k", 3);
        Path models = Files.writeString(dir.resolve("elsewhere.json"), MODELS);

        List<LlmRequest> requests = RecordedWorkload.load(List.of(gsm), models, null).requests();

        assertThat(requests).hasSize(3);
        LlmRequest first = requests.get(0);
        assertThat(first.id()).isEqualTo("demo/gsm8k/0");
        assertThat(first.tenant()).isEqualTo("gsm8k");
        assertThat(first.tags()).containsEntry("benchmark_id", "demo/gsm8k/0");
        assertThat(first.body().messages()).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("Question 0: what is 0 + 1?"));
        // what the classifier will accept, as sent
        assertThat(RequestIntake.read(Json.write(Workload.sentAt(first, Instant.now()))))
                .isInstanceOf(RequestIntake.Accepted.class);
    }

    @Test
    void comparesTheAnsweredModelsRecordedScoresWithTheBestSingleModel() throws IOException {
        Path gsm = file("demo-gsm8k.dev.jsonl", "gsm8k", 4);
        Files.writeString(dir.resolve("demo.models.json"), MODELS);
        RecordedWorkload workload = RecordedWorkload.load(List.of(gsm), null, null);

        ScoreComparison q = workload.compare(List.of(ok("demo/gsm8k/0", "cheap/model"),
                ok("demo/gsm8k/1", "strong@host"), ok("demo/gsm8k/2", "cheap/model"), failed("demo/gsm8k/3")));

        // cheap/model scores 1 on even lines, strong@host everywhere; line 3 was not answered
        assertThat(q.answered()).isEqualTo(3);
        assertThat(q.routedMeanScore()).isCloseTo(0.75, within(1e-9));
        assertThat(q.routedCostUsd()).isEqualByComparingTo("0.0102");
        assertThat(q.bestSingleModel().model()).isEqualTo("strong@host");
        assertThat(q.bestSingleModel().costUsd()).isEqualByComparingTo("0.04");
    }

    @Test
    void refusesMixedSourcesAndAMissingModelsFile() throws IOException {
        Path gsm = file("demo-gsm8k.dev.jsonl", "gsm8k", 2);
        Path other = Files.writeString(dir.resolve("other.jsonl"), line("other", "t", 0) + "\n");

        assertThatThrownBy(() -> RecordedWorkload.load(List.of(gsm), null, null))
                .hasMessageContaining("demo.models.json").hasMessageContaining("--models");
        assertThatThrownBy(() -> RecordedWorkload.load(List.of(gsm, other), null, null))
                .hasMessageContaining("mix sources [demo, other]");
        assertThatThrownBy(() -> RecordedWorkload.load(List.of(dir.resolve("nope.jsonl")), null, null))
                .hasMessageContaining("benchmark file not found");
    }

    private Path file(String name, String task, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        IntStream.range(0, lines).forEach(i -> text.append(line("demo", task, i)).append('\n'));
        return Files.writeString(dir.resolve(name), text);
    }

    /** A line in the data set's format: cheap/model is right on even lines, strong@host always. */
    private static String line(String source, String task, int i) {
        return """
                {"id":"%s/%s/%d","source":"%s","task":"%s","prompt":"Question %d: what is %d + 1?","outcomes":{\
                "cheap/model":{"score":%s,"response":"%d","input_tokens":10,"output_tokens":2,"cost_usd":0.0001},\
                "strong@host":{"score":1.0,"response":"%d","input_tokens":10,"output_tokens":2,"cost_usd":0.01}}}"""
                .formatted(source, task, i, source, task, i, i, i % 2 == 0 ? "1.0" : "0.0", i + 1, i + 1);
    }

    private static LlmResult ok(String id, String model) {
        return new LlmResult(1, id, 1, "gsm8k", ResultStatus.OK, null, new ChatResponse(id, "chat.completion", 0, model,
                List.of(), null), model, "replay", TokenUsage.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0L, List.of(),
                false, Instant.now());
    }

    private static LlmResult failed(String id) {
        return new LlmResult(1, id, 1, "gsm8k", ResultStatus.FAILED, null, null, "cheap/model", "replay",
                TokenUsage.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0L, List.of(), false, Instant.now());
    }
}
