package dev.switchboard.core.recorded;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.routing.StrategyPolicy;
import dev.switchboard.core.routing.RouteDecision;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedCatalogTest {

    private static final String MODELS = """
            [{"id":"gpt-4-1106-preview","provider":"openai","input_usd_per_mtok":10,"output_usd_per_mtok":30.0,
              "price_source":"OpenAI list price"},
             {"id":"mistralai/Mixtral-8x7B-Instruct-v0.1","provider":"mistral-via-together",
              "input_usd_per_mtok":0.6,"output_usd_per_mtok":0.6,"price_source":"Together list price"},
             {"id":"Llama-3.1-405B-Inst@sambanova","provider":"meta-via-together","input_usd_per_mtok":3.5,
              "output_usd_per_mtok":3.5,"price_source":"Together list price"},
             {"id":"twin","provider":"meta-via-together","input_usd_per_mtok":3.5,"output_usd_per_mtok":3.5}]
            """;

    @Test
    void convertsModelsWithTheirPricesAndNeutralDefaults() {
        ModelCatalog catalog = RecordedCatalog.toCatalog(read(MODELS));

        assertThat(catalog.models()).extracting(ModelSpec::id).containsExactly("gpt-4-1106-preview",
                "mistralai/Mixtral-8x7B-Instruct-v0.1", "Llama-3.1-405B-Inst@sambanova", "twin");
        ModelSpec mixtral = catalog.require("mistralai/Mixtral-8x7B-Instruct-v0.1");
        assertThat(mixtral.provider()).isEqualTo("mistral-via-together");
        assertThat(mixtral.providerModel()).isEqualTo(mixtral.id());
        assertThat(mixtral.pricing().inputPerMtok()).isEqualByComparingTo("0.6");
        assertThat(mixtral.pricing().cachedInputPerMtok()).isEqualByComparingTo("0.6");
        assertThat(mixtral.pricing().hasBatchDiscount()).isFalse();
        assertThat(mixtral.tokenizer()).isEqualTo("o200k_base");
        assertThat(mixtral.contextWindow()).isEqualTo(128_000);
        assertThat(mixtral.capabilities()).containsExactly(Capability.JSON);
        assertThat(mixtral.priceSource()).isEqualTo("Together list price");
        assertThat(catalog.require("twin").priceSource()).isEqualTo("benchmark models file");
        // priced exactly as the recordings were: 1000 in + 500 out at 10 / 30 USD per 1M
        assertThat(CostCalculator.cost(catalog, "gpt-4-1106-preview", 1000, 0, 500)).isEqualByComparingTo("0.025");
    }

    @Test
    void derivesQualityFromThePriceRankWhenTheFileHasNone() {
        Map<String, Double> quality = quality(RecordedCatalog.toCatalog(read(MODELS)));

        assertThat(quality).containsEntry("mistralai/Mixtral-8x7B-Instruct-v0.1", 0.5)
                .containsEntry("Llama-3.1-405B-Inst@sambanova", 0.725)
                .containsEntry("twin", 0.725)
                .containsEntry("gpt-4-1106-preview", 0.95);
        assertThat(RecordedCatalog.toCatalog(read(MODELS)).strongest().id()).isEqualTo("gpt-4-1106-preview");
    }

    @Test
    void usesTheFilesQualityWhenEveryModelHasOne() {
        String withQuality = """
                [{"id":"a","provider":"p","input_usd_per_mtok":1,"output_usd_per_mtok":1,"quality":0.9},
                 {"id":"b","provider":"p","input_usd_per_mtok":9,"output_usd_per_mtok":9,"quality":0.6}]""";

        assertThat(quality(RecordedCatalog.toCatalog(read(withQuality)))).containsEntry("a", 0.9)
                .containsEntry("b", 0.6);
    }

    @Test
    void writesACatalogFileThatTheServicesReadBackUnchanged() {
        List<ModelSpec> specs = RecordedCatalog.toSpecs(read(MODELS));

        String file = RecordedCatalog.toCatalogFile(specs, "test catalog");
        ModelCatalog parsed = ModelCatalog.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));

        // the catalog reader keeps decimals exact but may drop trailing zeros (30.0 -> 3E+1): compare values
        assertThat(parsed.models()).usingRecursiveFieldByFieldElementComparator(
                RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .isEqualTo(specs);
        assertThat(file).contains("test catalog", "never the recorded scores");
    }

    @Test
    void namesTheProblemOfABadModelsFile() {
        assertThatThrownBy(() -> read("[{\"id\":\"a\",\"input_usd_per_mtok\":1,\"output_usd_per_mtok\":1}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models.json").hasMessageContaining("model 'a': provider is missing");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("non-empty JSON array");
    }

    @Test
    void convertedZeroEvalCatalogRoutesEveryComplexityTierAndPricesRecordingsExactly() throws IOException {
        Path modelsFile = RoutingData.require("zeroeval.models.json");
        Path data = RoutingData.require("zeroeval-gsm8k.dev.jsonl");
        ModelCatalog catalog;
        try (InputStream in = Files.newInputStream(modelsFile)) {
            catalog = RecordedCatalog.toCatalog(RecordedCatalog.readModels(in, modelsFile.toString()));
        }
        List<BenchmarkLine> lines;
        try (InputStream in = Files.newInputStream(data)) {
            lines = BenchmarkReader.read(in, data.toString()).subList(0, 100);
        }

        assertThat(catalog.models()).hasSize(11);
        assertThat(catalog.strongest().id()).isEqualTo("claude-3-opus-20240229");
        for (Complexity tier : Complexity.values()) {
            assertThat(route(catalog, lines.get(0), tier)).isInstanceOf(RouteDecision.Routed.class);
        }
        // ZeroEval costs are input x input price + output x output price: the converted prices reproduce them
        for (BenchmarkLine line : lines) {
            line.outcomes().forEach((model, outcome) -> assertThat(CostCalculator.cost(catalog, model,
                    outcome.inputTokens(), 0, outcome.outputTokens())).isEqualByComparingTo(outcome.costUsd()));
        }
    }

    private static RouteDecision route(ModelCatalog catalog, BenchmarkLine line, Complexity complexity) {
        LlmRequest request = new LlmRequest(1, line.id(), 1, "t", null, null, null, Map.of(),
                new ChatRequest(List.of(ChatMessage.of("user", line.prompt())), null, null, null, null), null, null);
        Classification c = new RuleClassifier().classify(request);
        Classification tiered = new Classification(c.taskType(), c.domain(), complexity, c.inputTokens(),
                c.estimatedOutputTokens(), c.predictedQuality(), c.requiredCapabilities(), c.classifierVersion());
        return new StrategyPolicy().decide(request, tiered, catalog);
    }

    private static Map<String, Double> quality(ModelCatalog catalog) {
        return catalog.models().stream().collect(Collectors.toMap(ModelSpec::id, ModelSpec::quality));
    }

    private static List<BenchmarkModel> read(String json) {
        return RecordedCatalog.readModels(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "models.json");
    }

}
