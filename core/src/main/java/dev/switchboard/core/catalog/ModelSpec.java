package dev.switchboard.core.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One model the router may choose: who serves it, what it costs, what it can do, how fast and how good it is.
 *
 * @param id                    the catalog id used everywhere in Switchboard (events, budgets, reports)
 * @param provider              which adapter calls it: {@code openai}, {@code anthropic}, {@code google},
 *                              {@code together}, …
 * @param tokenizer             the jtokkit encoding used to count its tokens, one of {@link #TOKENIZERS}
 * @param pricing               list prices
 * @param contextWindow         input + output tokens the model accepts
 * @param maxOutputTokens       the most tokens one reply may have
 * @param capabilities          what it supports
 * @param typicalLatencyMs      typical time to first token
 * @param outputTokensPerSecond typical generation speed
 * @param quality               relative quality level in [0, 1], higher is better; comparable only within one
 *                              catalog (see the {@code _comment} of {@code models.json})
 * @param priceSource           where the prices were read and when
 * @param providerModel         the model name the provider's API expects; defaults to {@code id}
 */
public record ModelSpec(String id, String provider, String tokenizer, ModelPricing pricing, int contextWindow,
                        int maxOutputTokens, Set<Capability> capabilities, int typicalLatencyMs,
                        int outputTokensPerSecond, double quality, String priceSource, String providerModel) {

    /** The tokenizers Switchboard can count with (see {@code TokenCounter}). */
    public static final Set<String> TOKENIZERS = Set.of("o200k_base", "cl100k_base");

    public ModelSpec {
        requireText("id", id);
        requireText("provider", provider);
        requireText("price source", priceSource);
        if (!TOKENIZERS.contains(tokenizer)) {
            throw new IllegalArgumentException("unknown tokenizer '" + tokenizer + "', known: "
                    + String.join(", ", TOKENIZERS.stream().sorted().toList()));
        }
        if (pricing == null) {
            throw new IllegalArgumentException("pricing is missing");
        }
        requirePositive("context window", contextWindow);
        requirePositive("max output tokens", maxOutputTokens);
        requirePositive("output tokens per second", outputTokensPerSecond);
        if (typicalLatencyMs < 0) {
            throw new IllegalArgumentException("typical latency must not be negative, was " + typicalLatencyMs);
        }
        if (!(quality >= 0.0 && quality <= 1.0)) {
            throw new IllegalArgumentException("quality must be in [0, 1], was " + quality);
        }
        // An unmodifiable EnumSet keeps declaration order, so the spec serialises the same way every time.
        capabilities = Collections.unmodifiableSet(capabilities == null || capabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities));
        providerModel = providerModel == null || providerModel.isBlank() ? id : providerModel;
    }

    /** A spec whose provider model name is its id. */
    public ModelSpec(String id, String provider, String tokenizer, ModelPricing pricing, int contextWindow,
                     int maxOutputTokens, Set<Capability> capabilities, int typicalLatencyMs,
                     int outputTokensPerSecond, double quality, String priceSource) {
        this(id, provider, tokenizer, pricing, contextWindow, maxOutputTokens, capabilities, typicalLatencyMs,
                outputTokensPerSecond, quality, priceSource, id);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
