package dev.switchboard.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    private static final ModelCatalog BUILT_IN = ModelCatalog.builtIn();

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4.1-nano", "gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "gpt-4o", "o3-mini",
            "claude-3-5-haiku", "claude-sonnet-4", "claude-opus-4", "gemini-2.0-flash", "gemini-2.5-flash",
            "gemini-2.5-pro", "llama-3.3-70b"})
    void builtInCatalogPricesEveryRequiredModelAndSaysWhere(String id) {
        ModelSpec model = BUILT_IN.require(id);

        assertThat(model.pricing().inputPerMtok()).isPositive();
        assertThat(model.pricing().cachedInputPerMtok()).isPositive()
                .isLessThanOrEqualTo(model.pricing().inputPerMtok());
        assertThat(model.pricing().outputPerMtok()).isPositive();
        assertThat(model.priceSource()).isNotBlank();
        assertThat(model.providerModel()).isNotBlank();
        assertThat(model.maxOutputTokens()).isLessThanOrEqualTo(model.contextWindow());
        assertThat(model.quality()).isBetween(0.0, 1.0);
        assertThat(model.supports(Capability.TOOLS)).isTrue();
        assertThat(model.supports(Capability.JSON)).isTrue();
    }

    @Test
    void builtInPricesMatchTheProvidersListPrices() {
        // input / cached input / output, USD per 1M tokens, from the providers' pricing pages.
        assertPrices("gpt-4.1-nano", "0.10", "0.025", "0.40");
        assertPrices("gpt-4.1-mini", "0.40", "0.10", "1.60");
        assertPrices("gpt-4.1", "2.00", "0.50", "8.00");
        assertPrices("gpt-4o-mini", "0.15", "0.075", "0.60");
        assertPrices("gpt-4o", "2.50", "1.25", "10.00");
        assertPrices("o3-mini", "1.10", "0.55", "4.40");
        assertPrices("claude-3-5-haiku", "0.80", "0.08", "4.00");
        assertPrices("claude-sonnet-4", "3", "0.30", "15");
        assertPrices("claude-opus-4", "15", "1.50", "75");
        assertPrices("gemini-2.0-flash", "0.10", "0.025", "0.40");
        assertPrices("gemini-2.5-flash", "0.30", "0.075", "2.50");
        assertPrices("gemini-2.5-pro", "1.25", "0.31", "10");
    }

    @Test
    void visionIsClaimedOnlyByModelsThatTakeImages() {
        assertThat(BUILT_IN.models()).filteredOn(m -> !m.supports(Capability.VISION))
                .extracting(ModelSpec::id)
                .containsExactlyInAnyOrder("o3-mini", "llama-3.3-70b");
    }

    @Test
    void firstPartyProvidersHaveHalfPriceBatchAndTheLlamaHostNone() {
        assertThat(BUILT_IN.models()).filteredOn(m -> !m.provider().equals("together"))
                .allSatisfy(m -> assertThat(m.pricing().batchDiscount()).isEqualByComparingTo("0.5"));
        assertThat(BUILT_IN.require("llama-3.3-70b").pricing().batchDiscount()).isNull();
    }

    @Test
    void anthropicModelsCarryTheProvidersDatedModelName() {
        assertThat(BUILT_IN.require("claude-sonnet-4").providerModel()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(BUILT_IN.require("gpt-4o").providerModel()).isEqualTo("gpt-4o");
    }

    @Test
    void modelsKeepFileOrder() {
        assertThat(BUILT_IN.models()).extracting(ModelSpec::id)
                .startsWith("gpt-4.1-nano", "gpt-4.1-mini", "gpt-4.1")
                .endsWith("llama-3.3-70b");
    }

    @Test
    void builtInIsReadOnce() {
        assertThat(ModelCatalog.builtIn()).isSameAs(BUILT_IN);
    }

    @Test
    void findReturnsEmptyForAnUnknownModel() {
        assertThat(BUILT_IN.find("gpt-4o")).map(ModelSpec::provider).contains("openai");
        assertThat(BUILT_IN.find("gpt-9")).isEmpty();
        assertThat(BUILT_IN.find(null)).isEmpty();
    }

    @Test
    void requireOfAnUnknownModelNamesItAndTheKnownOnes() {
        assertThatThrownBy(() -> BUILT_IN.require("gpt-9"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("'gpt-9'")
                .hasMessageContaining("gpt-4o-mini")
                .hasMessageContaining("claude-opus-4")
                .satisfies(e -> assertThat(((UnknownModelException) e).modelId()).isEqualTo("gpt-9"));
    }

    @Test
    void strongestIsTheHighestQualityModel() {
        assertThat(BUILT_IN.strongest().id()).isEqualTo("gemini-2.5-pro");
    }

    @Test
    void strongestBreaksAQualityTieByTheHigherOutputPrice() {
        ModelCatalog catalog = ModelCatalog.of(List.of(
                spec("cheap-twin", 0.9, "1.00"),
                spec("dear-twin", 0.9, "5.00"),
                spec("weaker", 0.5, "50.00")));

        assertThat(catalog.strongest().id()).isEqualTo("dear-twin");
    }

    @Test
    void ofRejectsDuplicateIds() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(spec("a", 0.5, "1"), spec("a", 0.6, "2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate model id 'a'");
    }

    @Test
    void providerModelDefaultsToTheId() {
        assertThat(spec("my-model", 0.5, "1").providerModel()).isEqualTo("my-model");
    }

    @Test
    void capabilitiesCannotBeChangedAfterConstruction() {
        Set<Capability> mutable = EnumSet.of(Capability.TOOLS);
        ModelSpec model = new ModelSpec("m", "openai", "o200k_base", prices("1"), 1000, 100, mutable, 100, 10, 0.5,
                "test");
        mutable.add(Capability.VISION);

        assertThat(model.supports(Capability.VISION)).isFalse();
        assertThatThrownBy(() -> model.capabilities().add(Capability.JSON))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void capabilitiesAreLowerCaseInJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.writeValueAsString(EnumSet.allOf(Capability.class))).isEqualTo("[\"tools\",\"vision\",\"json\"]");
        assertThat(mapper.readValue("\"vision\"", Capability.class)).isEqualTo(Capability.VISION);
    }

    private static void assertPrices(String id, String input, String cached, String output) {
        ModelPricing p = BUILT_IN.require(id).pricing();
        assertThat(p.inputPerMtok()).as(id + " input").isEqualByComparingTo(input);
        assertThat(p.cachedInputPerMtok()).as(id + " cached input").isEqualByComparingTo(cached);
        assertThat(p.outputPerMtok()).as(id + " output").isEqualByComparingTo(output);
    }

    static ModelPricing prices(String output) {
        return new ModelPricing(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(output), null);
    }

    static ModelSpec spec(String id, double quality, String outputPrice) {
        return new ModelSpec(id, "openai", "o200k_base", prices(outputPrice), 1000, 100, Set.of(Capability.TOOLS),
                100, 10, quality, "test");
    }
}
