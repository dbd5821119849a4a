package dev.switchboard.core.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelPricing;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a benchmark's {@code <source>.models.json} into a Switchboard {@link ModelCatalog}, so the services route
 * over the models that have recorded answers, at the prices those answers were costed with.
 *
 * <p>The file has ids, providers and prices only, so the rest is neutral: the cached-input price is the input
 * price, no batch discount, a 128k context window, JSON output, the same latency and speed for every model, and
 * the {@code o200k_base} tokenizer the recordings were counted with. Quality is the file's own {@code quality}
 * when every model has one; otherwise it is the model's <em>price rank</em> (input + output list price, cheapest
 * {@value #LOWEST_QUALITY}, dearest {@value #HIGHEST_QUALITY}, evenly spaced, equal prices equal). The recorded
 * scores are never used: they are what a routing run is judged by, and routing on them would be cheating.
 */
public final class RecordedCatalog {

    public static final String TOKENIZER = "o200k_base";
    public static final int CONTEXT_WINDOW = 128_000;
    public static final int MAX_OUTPUT_TOKENS = 16_384;
    public static final int TYPICAL_LATENCY_MS = 500;
    public static final int OUTPUT_TOKENS_PER_SECOND = 100;
    /** Quality of the cheapest model when quality comes from the price rank. */
    public static final double LOWEST_QUALITY = 0.5;
    /** Quality of the dearest model; the built-in catalog's strongest model is 0.95 too. */
    public static final double HIGHEST_QUALITY = 0.95;

    private RecordedCatalog() {
    }

    /**
     * Reads a {@code <source>.models.json} (a JSON array of models); the caller closes the stream.
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static List<BenchmarkModel> readModels(InputStream in, String name) {
        try {
            List<BenchmarkModel> models = Json.MAPPER.readValue(in, new TypeReference<List<BenchmarkModel>>() { });
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException(name + ": expected a non-empty JSON array of models");
            }
            return models;
        } catch (JsonMappingException e) {
            String why = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(name + ": " + why, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The catalog of these models, in file order. */
    public static ModelCatalog toCatalog(List<BenchmarkModel> models) {
        return ModelCatalog.of(toSpecs(models));
    }

    /** The catalog entries of these models, in file order. */
    public static List<ModelSpec> toSpecs(List<BenchmarkModel> models) {
        Map<String, Double> quality = qualities(models);
        return models.stream().map(m -> new ModelSpec(m.id(), m.provider(), TOKENIZER,
                new ModelPricing(m.inputUsdPerMtok(), m.inputUsdPerMtok(), m.outputUsdPerMtok(), null),
                CONTEXT_WINDOW, MAX_OUTPUT_TOKENS, Set.of(Capability.JSON), TYPICAL_LATENCY_MS,
                OUTPUT_TOKENS_PER_SECOND, quality.get(m.id()), m.priceSource(), m.id())).toList();
    }

    /** Quality per model id: the file's when every model has one, else from the price rank. */
    static Map<String, Double> qualities(List<BenchmarkModel> models) {
        Map<String, Double> quality = new LinkedHashMap<>();
        if (models.stream().allMatch(m -> m.quality() != null)) {
            models.forEach(m -> quality.put(m.id(), m.quality()));
            return quality;
        }
        List<BigDecimal> prices = List.copyOf(new TreeSet<>(models.stream()
                .map(m -> m.listPrice().stripTrailingZeros()).toList()));
        for (BenchmarkModel m : models) {
            int rank = prices.indexOf(m.listPrice().stripTrailingZeros());
            double q = prices.size() == 1 ? HIGHEST_QUALITY
                    : LOWEST_QUALITY + (HIGHEST_QUALITY - LOWEST_QUALITY) * rank / (prices.size() - 1);
            quality.put(m.id(), Math.round(q * 1000) / 1000.0);
        }
        return quality;
    }

    /**
     * The catalog as a {@code models.json} file every service reads ({@code switchboard.catalog.path}).
     *
     * @param comment why the file exists and where it came from; kept in its {@code _comment}
     */
    public static String toCatalogFile(List<ModelSpec> specs, String comment) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("_comment", List.of(comment, "Written by Switchboard from a benchmark models file: " + explanation()));
        file.put("schemaVersion", 1);
        file.put("models", specs.stream().map(RecordedCatalog::entry).toList());
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog file", e);
        }
    }

    /** The choices this converter makes, for a catalog file's comment and reports. */
    public static String explanation() {
        return "cached input priced as input, no batch discount, " + CONTEXT_WINDOW + "-token context, the same "
                + "latency and speed for every model; quality = the file's quality, else the price rank (cheapest "
                + LOWEST_QUALITY + ", dearest " + HIGHEST_QUALITY + "), never the recorded scores.";
    }

    private static Map<String, Object> entry(ModelSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", spec.id());
        m.put("provider", spec.provider());
        m.put("provider_model", spec.providerModel());
        m.put("tokenizer", spec.tokenizer());
        m.put("input_usd_per_mtok", spec.pricing().inputPerMtok());
        m.put("cached_input_usd_per_mtok", spec.pricing().cachedInputPerMtok());
        m.put("output_usd_per_mtok", spec.pricing().outputPerMtok());
        m.put("batch_discount", spec.pricing().batchDiscount());
        m.put("context_window", spec.contextWindow());
        m.put("max_output_tokens", spec.maxOutputTokens());
        m.put("capabilities", spec.capabilities().stream().map(Capability::wire).toList());
        m.put("typical_latency_ms", spec.typicalLatencyMs());
        m.put("output_tokens_per_second", spec.outputTokensPerSecond());
        m.put("quality", spec.quality());
        m.put("price_source", spec.priceSource());
        return m;
    }
}
