package dev.switchboard.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.core.event.WireEnum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code models.json} format into model specs, naming the model and field on every error. */
final class CatalogFile {

    static final int SCHEMA_VERSION = 1;

    // Decimals stay exact (0.1 must not become 0.1000000000000000055…), and a key given twice is an error
    // rather than a silent "last one wins" on a price.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogFile() {
    }

    static List<ModelSpec> read(InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model catalog is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model catalog", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("model catalog must be a JSON object with \"schemaVersion\" and \"models\"");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != SCHEMA_VERSION) {
            throw new IllegalArgumentException("model catalog: unsupported schemaVersion " + version
                    + " (this build reads " + SCHEMA_VERSION + ")");
        }
        JsonNode models = root.get("models");
        if (models == null || !models.isArray() || models.isEmpty()) {
            throw new IllegalArgumentException("model catalog: \"models\" must be a non-empty array");
        }
        List<ModelSpec> specs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            specs.add(model(models.get(i), i));
        }
        return specs;
    }

    private static ModelSpec model(JsonNode node, int index) {
        String where = "model catalog: model #" + (index + 1);
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        Fields f = new Fields(node, where + (node.path("id").isTextual() ? " '" + node.get("id").asText() + "'" : ""));
        try {
            ModelPricing pricing = new ModelPricing(
                    f.price("input_usd_per_mtok"),
                    f.price("cached_input_usd_per_mtok"),
                    f.price("output_usd_per_mtok"),
                    f.optionalDecimal("batch_discount"));
            return new ModelSpec(
                    f.text("id"),
                    f.text("provider"),
                    f.text("tokenizer"),
                    pricing,
                    f.integer("context_window"),
                    f.integer("max_output_tokens"),
                    f.capabilities("capabilities"),
                    f.integer("typical_latency_ms"),
                    f.integer("output_tokens_per_second"),
                    f.number("quality").doubleValue(),
                    f.text("price_source"),
                    f.optionalText("provider_model"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(f.where) ? e : new IllegalArgumentException(f.where + ": " + e.getMessage(), e);
        }
    }

    /** Typed access to one model object's fields; unknown fields are never looked at. */
    private record Fields(JsonNode node, String where) {

        JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException(where + ": missing \"" + name + "\"");
            }
            return value;
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" must be a non-empty string");
            }
            return value.asText();
        }

        String optionalText(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : text(name);
        }

        BigDecimal number(String name) {
            JsonNode value = required(name);
            if (!value.isNumber()) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" must be a number, was " + value);
            }
            return value.decimalValue();
        }

        BigDecimal price(String name) {
            BigDecimal price = number(name);
            if (price.signum() < 0) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" must not be negative, was "
                        + price.toPlainString());
            }
            return price;
        }

        BigDecimal optionalDecimal(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : number(name);
        }

        int integer(String name) {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" must be a whole number, was " + value);
            }
            return value.intValue();
        }

        Set<Capability> capabilities(String name) {
            JsonNode value = required(name);
            if (!value.isArray()) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" must be an array of strings");
            }
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            for (JsonNode item : value) {
                capabilities.add(WireEnum.parse(Capability.class, item.isTextual() ? item.asText() : null)
                        .orElseThrow(() -> new IllegalArgumentException(where + ": unknown capability " + item
                                + " (known: " + WireEnum.choices(Capability.class) + ")")));
            }
            return capabilities;
        }
    }
}
