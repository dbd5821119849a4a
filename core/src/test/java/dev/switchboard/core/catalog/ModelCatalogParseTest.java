package dev.switchboard.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ModelCatalogParseTest {

    /** One valid model; each bad case replaces a piece of it. */
    private static final String MODEL = """
            {"id": "m1", "provider": "openai", "tokenizer": "o200k_base",
             "input_usd_per_mtok": 1.10, "cached_input_usd_per_mtok": 0.55, "output_usd_per_mtok": 4.40,
             "batch_discount": 0.5, "context_window": 200000, "max_output_tokens": 100000,
             "capabilities": ["tools", "json"], "typical_latency_ms": 800, "output_tokens_per_second": 90,
             "quality": 0.8, "price_source": "test"}""";

    @Test
    void readsAValidFileAndIgnoresUnknownFields() {
        String model = MODEL.replace("\"id\": \"m1\",", "\"id\": \"m1\", \"_note\": \"x\", \"future_field\": {\"a\": 1},");
        ModelCatalog catalog = parse("{\"_comment\": \"hi\", \"schemaVersion\": 1, \"models\": [" + model + "]}");

        ModelSpec m = catalog.require("m1");
        assertThat(m.pricing().inputPerMtok()).isEqualByComparingTo("1.10");
        assertThat(m.pricing().batchDiscount()).isEqualByComparingTo("0.5");
        assertThat(m.capabilities()).containsExactly(Capability.TOOLS, Capability.JSON);
        assertThat(m.providerModel()).isEqualTo("m1");
        assertThat(m.contextWindow()).isEqualTo(200000);
        assertThat(m.typicalLatencyMs()).isEqualTo(800);
    }

    @Test
    void keepsDecimalPricesExact() {
        ModelCatalog catalog = parse(file(MODEL.replace("\"input_usd_per_mtok\": 1.10", "\"input_usd_per_mtok\": 0.1")));

        // A double would make this 0.1000000000000000055511151231257827…
        assertThat(catalog.require("m1").pricing().inputPerMtok()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void absentBatchDiscountMeansNoBatchApi() {
        ModelCatalog catalog = parse(file(MODEL.replace("\"batch_discount\": 0.5,", "")));

        assertThat(catalog.require("m1").pricing().batchDiscount()).isNull();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("missing price", file(MODEL.replace("\"output_usd_per_mtok\": 4.40,", "")),
                        "model #1 'm1': missing \"output_usd_per_mtok\""),
                arguments("null price", file(MODEL.replace("\"input_usd_per_mtok\": 1.10", "\"input_usd_per_mtok\": null")),
                        "model #1 'm1': missing \"input_usd_per_mtok\""),
                arguments("negative price", file(MODEL.replace("\"cached_input_usd_per_mtok\": 0.55", "\"cached_input_usd_per_mtok\": -0.55")),
                        "\"cached_input_usd_per_mtok\" must not be negative, was -0.55"),
                arguments("price as text", file(MODEL.replace("\"input_usd_per_mtok\": 1.10", "\"input_usd_per_mtok\": \"1.10\"")),
                        "\"input_usd_per_mtok\" must be a number"),
                arguments("duplicate id", "{\"schemaVersion\": 1, \"models\": [" + MODEL + ", " + MODEL + "]}",
                        "duplicate model id 'm1'"),
                arguments("unknown capability", file(MODEL.replace("[\"tools\", \"json\"]", "[\"tools\", \"audio\"]")),
                        "model #1 'm1': unknown capability \"audio\" (known: tools|vision|json)"),
                arguments("upper-case capability", file(MODEL.replace("[\"tools\", \"json\"]", "[\"TOOLS\"]")),
                        "unknown capability \"TOOLS\""),
                arguments("unknown tokenizer", file(MODEL.replace("o200k_base", "claude")),
                        "model #1 'm1': unknown tokenizer 'claude', known: cl100k_base, o200k_base"),
                arguments("batch discount of 100%", file(MODEL.replace("\"batch_discount\": 0.5", "\"batch_discount\": 1")),
                        "batch discount must be in [0, 1)"),
                arguments("quality above 1", file(MODEL.replace("\"quality\": 0.8", "\"quality\": 80")),
                        "quality must be in [0, 1], was 80.0"),
                arguments("fractional context window", file(MODEL.replace("200000", "200000.5")),
                        "\"context_window\" must be a whole number"),
                arguments("zero max output", file(MODEL.replace("100000", "0")),
                        "max output tokens must be positive"),
                arguments("missing id", file(MODEL.replace("\"id\": \"m1\",", "")),
                        "model #1: missing \"id\""),
                arguments("missing price source", file(MODEL.replace(", \"price_source\": \"test\"", "")),
                        "missing \"price_source\""),
                arguments("key given twice", file(MODEL.replace("\"quality\": 0.8", "\"quality\": 0.8, \"quality\": 0.9")),
                        "not valid JSON: Duplicate field 'quality'"),
                arguments("not JSON", "{\"schemaVersion\": 1, \"models\": [",
                        "model catalog is not valid JSON"),
                arguments("wrong schema version", "{\"schemaVersion\": 2, \"models\": [" + MODEL + "]}",
                        "unsupported schemaVersion 2 (this build reads 1)"),
                arguments("no schema version", "{\"models\": [" + MODEL + "]}",
                        "unsupported schemaVersion null"),
                arguments("no models", "{\"schemaVersion\": 1, \"models\": []}",
                        "\"models\" must be a non-empty array"),
                arguments("top level array", "[" + MODEL + "]",
                        "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsABadFileSayingWhatIsWrong(String label, String json, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static String file(String model) {
        return "{\"schemaVersion\": 1, \"models\": [" + model + "]}";
    }

    private static ModelCatalog parse(String json) {
        return ModelCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
