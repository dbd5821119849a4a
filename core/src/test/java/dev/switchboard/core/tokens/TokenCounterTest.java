package dev.switchboard.core.tokens;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCounterTest {

    private final TokenCounter counter = new TokenCounter();

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // Values published by OpenAI (tiktoken README and cookbook "How to count tokens with tiktoken").
            "hello world        | cl100k_base | 2",
            "hello world        | o200k_base  | 2",
            "tiktoken is great! | cl100k_base | 6",
            "お誕生日おめでとう    | cl100k_base | 9",
    })
    void countsMatchOpenAisPublishedValues(String text, String tokenizer, int expected) {
        assertThat(counter.count(text, tokenizer)).isEqualTo(expected);
    }

    @Test
    void countsAreNotTheCharsOverFourRuleOfThumb() {
        // Japanese: 9 characters would be "2 tokens" by chars/4, but cl100k_base spends 9.
        String japanese = "お誕生日おめでとう";
        assertThat(counter.count(japanese, "cl100k_base")).isNotEqualTo(japanese.length() / 4);
        String json = "{\"id\":12345,\"tags\":[\"a\",\"b\",\"c\"],\"ok\":true}";
        assertThat(counter.count(json, "o200k_base")).isNotEqualTo(json.length() / 4);
    }

    @Test
    void encodingsDiffer() {
        String text = "Switchboard sends every request to the cheapest model that answers it well. 日本語も";
        assertThat(counter.count(text, "o200k_base")).isNotEqualTo(counter.count(text, "cl100k_base"));
    }

    @Test
    void countsWithTheModelsTokenizer() {
        ModelSpec model = ModelCatalog.builtIn().require("gpt-4o");

        assertThat(counter.count("hello world", model)).isEqualTo(2);
    }

    @Test
    void emptyAndNullTextHaveNoTokens() {
        assertThat(counter.count("", "o200k_base")).isZero();
        assertThat(counter.count(null, "o200k_base")).isZero();
    }

    @Test
    void specialTokenMarkersInUserTextAreCountedNotRejected() {
        assertThat(counter.count("<|endoftext|>", "cl100k_base")).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50k_base", "claude", "O200K_BASE", ""})
    void rejectsAnUnknownTokenizer(String tokenizer) {
        assertThatThrownBy(() -> counter.count("hi", tokenizer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown tokenizer '" + tokenizer + "'")
                .hasMessageContaining("o200k_base");
        assertThatThrownBy(() -> counter.count("", tokenizer))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter.countChat(List.of(), tokenizer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTokenizerTheCatalogAcceptsCanBeCounted() {
        assertThat(ModelSpec.TOKENIZERS).allSatisfy(t -> assertThat(counter.count("hello world", t)).isEqualTo(2));
        assertThat(ModelCatalog.builtIn().models())
                .allSatisfy(m -> assertThat(counter.count("hello", m)).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void chatAddsThreeTokensPerMessageAndThreeToPrimeTheReply(String tokenizer) {
        // "user" is 1 token and "hello world" 2: 3 + 1 + 2, plus 3 for the reply.
        assertThat(counter.countChat(List.of(Map.entry("user", "hello world")), tokenizer)).isEqualTo(9);
        assertThat(counter.countChat(List.of(), tokenizer)).isEqualTo(3);
    }

    @Test
    void chatIsTheSumOfItsMessagesPlusOverhead() {
        List<Map.Entry<String, String>> chat = List.of(
                Map.entry("system", "You are a terse assistant."),
                Map.entry("user", "Summarise the attached report in one line."),
                Map.entry("assistant", "Revenue rose 4% on lower churn."),
                Map.entry("user", "And costs?"));

        int content = chat.stream()
                .mapToInt(m -> counter.count(m.getKey(), "o200k_base") + counter.count(m.getValue(), "o200k_base"))
                .sum();
        assertThat(counter.countChat(chat, "o200k_base")).isEqualTo(content + 3 * chat.size() + 3);
    }

    @Test
    void aMessageWithoutContentCountsOnlyItsFraming() {
        List<Map.Entry<String, String>> toolCallOnly = List.of(new SimpleEntry<>("assistant", null));

        assertThat(counter.countChat(toolCallOnly, ModelCatalog.builtIn().require("gpt-4.1")))
                .isEqualTo(3 + counter.count("assistant", "o200k_base") + 3);
    }
}
