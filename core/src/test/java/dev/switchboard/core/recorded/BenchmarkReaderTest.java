package dev.switchboard.core.recorded;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkReaderTest {

    static final String GSM_LINE = """
            {"id":"zeroeval/gsm8k/x-#0","source":"zeroeval","task":"gsm8k","prompt":"\\n## Question: \\n\\nHow many?\\n",\
            "outcomes":{"Llama-3.1-405B-Inst@sambanova":{"score":1.0,"response":"{\\"answer\\": \\"18\\"}",\
            "input_tokens":141,"output_tokens":102,"cost_usd":9.555e-05},\
            "mistralai/Mixtral-8x7B-Instruct-v0.1":{"score":0.0,"response":"17","input_tokens":141,\
            "output_tokens":3,"cost_usd":0.0005479999999999999}}}""";
    static final String MT_BENCH_LINE = """
            {"id":"routellm/mt_bench/82","source":"routellm","task":"mt_bench","prompt":"Draft an email.",\
            "turns":["Draft an email.","Now critique it."],"outcomes":{"gpt-4-1106-preview":{"score":0.95,\
            "response":"Dear boss\\n[MT-Bench turn 2 answer]\\nIt is fine.","input_tokens":50,"output_tokens":40,\
            "cost_usd":0.0017}}}""";

    @Test
    void readsLinesWithExactCostsAndModelIdsContainingSlashAndAt() {
        List<BenchmarkLine> lines = BenchmarkReader.read(new StringReader(GSM_LINE + "\n\n" + MT_BENCH_LINE + "\n"),
                "test.jsonl");

        assertThat(lines).hasSize(2);
        BenchmarkLine gsm = lines.get(0);
        assertThat(gsm.id()).isEqualTo("zeroeval/gsm8k/x-#0");
        assertThat(gsm.outcomes().keySet()).containsExactly("Llama-3.1-405B-Inst@sambanova",
                "mistralai/Mixtral-8x7B-Instruct-v0.1");
        RecordedOutcome llama = gsm.outcome("Llama-3.1-405B-Inst@sambanova").orElseThrow();
        assertThat(llama.costUsd()).isEqualByComparingTo("0.00009555");
        assertThat(llama.billedCostUsd()).isEqualTo(new BigDecimal("0.00009555"));
        assertThat(llama.response()).isEqualTo("{\"answer\": \"18\"}");
        assertThat(llama.inputTokens()).isEqualTo(141);
        assertThat(gsm.turns()).isEmpty();
        assertThat(gsm.firstTurn()).isEqualTo(gsm.prompt());
        assertThat(gsm.outcome("gpt-4o")).isEmpty();
        assertThat(lines.get(1).firstTurn()).isEqualTo("Draft an email.");
        assertThat(lines.get(1).turns()).containsExactly("Draft an email.", "Now critique it.");
    }

    @Test
    void billsAFloatArtefactCostRoundedToTenDecimalPlaces() {
        RecordedOutcome mixtral = BenchmarkReader.parse(GSM_LINE, "t", 1)
                .outcome("mistralai/Mixtral-8x7B-Instruct-v0.1").orElseThrow();

        assertThat(mixtral.costUsd()).isEqualTo(new BigDecimal("0.0005479999999999999"));
        assertThat(mixtral.billedCostUsd()).isEqualTo(new BigDecimal("0.0005480000"));
    }

    @Test
    void namesTheFileLineAndProblemOfABadLine() {
        String noOutcomes = "{\"id\":\"a\",\"source\":\"s\",\"task\":\"t\",\"prompt\":\"p\",\"outcomes\":{}}";
        assertThatThrownBy(() -> BenchmarkReader.read(new StringReader(GSM_LINE + "\n" + noOutcomes), "b.jsonl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.jsonl line 2").hasMessageContaining("outcomes are missing");
        String negative = GSM_LINE.replace("\"cost_usd\":9.555e-05", "\"cost_usd\":-1");
        assertThatThrownBy(() -> BenchmarkReader.read(new StringReader(negative), "c.jsonl"))
                .hasMessageContaining("c.jsonl line 1").hasMessageContaining("cost_usd");
        assertThatThrownBy(() -> BenchmarkReader.read(new StringReader("{\"id\":"), "d.jsonl"))
                .hasMessageContaining("d.jsonl line 1").hasMessageContaining("not JSON");
    }

    @Test
    void readsTheRecordedGsm8kFileWithAnOutcomeForEveryModelOfItsModelsFile() throws IOException {
        Path data = RoutingData.require("zeroeval-gsm8k.dev.jsonl");
        Path modelsFile = RoutingData.require("zeroeval.models.json");
        List<BenchmarkLine> lines;
        try (InputStream in = Files.newInputStream(data)) {
            lines = BenchmarkReader.read(in, data.toString());
        }
        List<String> models;
        try (InputStream in = Files.newInputStream(modelsFile)) {
            models = RecordedCatalog.readModels(in, modelsFile.toString()).stream().map(BenchmarkModel::id).toList();
        }

        assertThat(lines).hasSize(768);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.source()).isEqualTo("zeroeval");
            assertThat(line.outcomes().keySet()).containsExactlyInAnyOrderElementsOf(models);
        });
        assertThat(lines.stream().map(PromptKey::of).distinct()).hasSize(768);
        // README: gpt-4o-2024-08-06 scores 95.96 % on these prompts for 1.4205 USD
        double accuracy = lines.stream().mapToDouble(l -> l.outcomes().get("gpt-4o-2024-08-06").score()).sum()
                / lines.size();
        assertThat(accuracy * 100).isCloseTo(95.96, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void readsTheMtBenchTurns() throws IOException {
        Path data = RoutingData.require("routellm-mt_bench.dev.jsonl");
        List<BenchmarkLine> lines;
        try (InputStream in = Files.newInputStream(data)) {
            lines = BenchmarkReader.read(in, data.toString());
        }

        assertThat(lines).hasSize(53).allSatisfy(line -> {
            assertThat(line.turns()).hasSize(2);
            assertThat(line.firstTurn()).isEqualTo(line.prompt());
        });
    }
}
