package dev.switchboard.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostCalculatorTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void pricesUncachedCachedAndOutputTokensSeparately() {
        // gpt-4o, per 1M tokens: 800 uncached × $2.50 + 200 cached × $1.25 + 500 out × $10.00
        //       = 2,000 + 250 + 5,000 = 7,250 micro-dollars = $0.00725
        BigDecimal cost = CostCalculator.cost(CATALOG.require("gpt-4o"), 1000, 200, 500);

        assertThat(cost).isEqualTo(new BigDecimal("0.0072500000"));
    }

    @ParameterizedTest(name = "{0}: {1} in / {2} cached / {3} out = {4}")
    @CsvSource({
            // model,          input,   cached, output, expected USD (worked by hand from the list prices)
            "gpt-4.1-nano,     1000000, 0,      0,      0.1000000000",
            "gpt-4.1-nano,     1000000, 1000000, 0,     0.0250000000",
            "gpt-4.1-nano,     0,       0,      1000000, 0.4000000000",
            "gpt-4.1-mini,     2000,    1000,   300,    0.0009800000",   // 1000×0.40 + 1000×0.10 + 300×1.60 = 980
            "claude-sonnet-4,  10000,   8000,   1000,   0.0234000000",   // 2000×3 + 8000×0.30 + 1000×15 = 23400
            "claude-opus-4,    1,       0,      1,      0.0000900000",   // 15 + 75 = 90 micro-dollars
            "gemini-2.5-pro,   100000,  0,      50000,  0.6250000000",   // 125,000 + 500,000
            "gemini-2.5-flash, 3,       1,      0,      0.0000006750",   // 2×0.30 + 1×0.075 = 0.675
            "llama-3.3-70b,    1000,    0,      1000,   0.0020800000",
            "gpt-4o,           0,       0,      0,      0.0000000000",
    })
    void costIsExactForHandWorkedCases(String model, long input, long cached, long output, String expected) {
        assertThat(CostCalculator.cost(CATALOG, model, input, cached, output)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void batchTakesTheDiscountOffTheWholeCall() {
        ModelSpec gpt4o = CATALOG.require("gpt-4o");

        assertThat(CostCalculator.cost(gpt4o, 1000, 200, 500, true)).isEqualTo(new BigDecimal("0.0036250000"));
        assertThat(CostCalculator.cost(gpt4o, 1000, 200, 500, false)).isEqualTo(new BigDecimal("0.0072500000"));
    }

    @Test
    void batchOnAModelWithoutABatchApiPaysFullPrice() {
        ModelSpec llama = CATALOG.require("llama-3.3-70b");

        assertThat(CostCalculator.cost(llama, 1000, 0, 1000, true))
                .isEqualTo(CostCalculator.cost(llama, 1000, 0, 1000, false))
                .isEqualTo(new BigDecimal("0.0020800000"));
    }

    @Test
    void roundsOnceHalfUpToTenPlaces() {
        ModelSpec odd = new ModelSpec("odd", "test", "o200k_base",
                new ModelPricing(new BigDecimal("0.123456"), new BigDecimal("0.123455"), new BigDecimal("0.000015"),
                        new BigDecimal("0.5")),
                1000, 100, Set.of(), 0, 1, 0.5, "test");

        assertThat(CostCalculator.cost(odd, 1, 0, 0)).isEqualTo(new BigDecimal("0.0000001235"));  // 1.23456e-7
        assertThat(CostCalculator.cost(odd, 1, 1, 0)).isEqualTo(new BigDecimal("0.0000001235"));  // 1.23455e-7, half up
        assertThat(CostCalculator.cost(odd, 1, 0, 0, true)).isEqualTo(new BigDecimal("0.0000000617")); // 6.1728e-8
        // 7 output tokens at 1.5e-11 each: 1.05e-10 → 0.0000000001; rounding per token would have said 0.
        assertThat(CostCalculator.cost(odd, 0, 0, 7)).isEqualTo(new BigDecimal("0.0000000001"));
    }

    @Test
    void anUnknownModelIsNeverPricedAtZero() {
        assertThatThrownBy(() -> CostCalculator.cost(CATALOG, "gpt-9", 1000, 0, 1000))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("gpt-9");
        assertThatThrownBy(() -> CostCalculator.cost(CATALOG, null, 1000, 0, 1000, true))
                .isInstanceOf(UnknownModelException.class);
    }

    @ParameterizedTest(name = "in={0} cached={1} out={2}")
    @CsvSource({"-1, 0, 0", "0, -1, 0", "0, 0, -1", "100, 101, 0"})
    void rejectsImpossibleTokenCounts(long input, long cached, long output) {
        ModelSpec model = CATALOG.require("gpt-4o");

        assertThatThrownBy(() -> CostCalculator.cost(model, input, cached, output))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cachedTokensMayBeTheWholeInput() {
        ModelCatalog catalog = ModelCatalog.of(List.of(CATALOG.require("gpt-4o")));

        assertThat(CostCalculator.cost(catalog, "gpt-4o", 100, 100, 0)).isEqualTo(new BigDecimal("0.0001250000"));
    }
}
