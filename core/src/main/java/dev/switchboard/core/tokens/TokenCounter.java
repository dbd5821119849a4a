package dev.switchboard.core.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.switchboard.core.catalog.ModelSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts tokens the way OpenAI's tokenizers do, with jtokkit; thread-safe.
 *
 * <p>Only OpenAI publishes its encodings ({@code o200k_base}, {@code cl100k_base}). Anthropic, Google and Llama
 * tokenizers are not available in jtokkit, so the catalog gives those models {@code o200k_base} as the nearest
 * public encoding: their counts here are estimates, and the provider's reported usage is what gets billed.
 */
public final class TokenCounter {

    /** Tokens OpenAI's chat format adds around every message ({@code <|start|>role ... <|end|>}). */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Tokens that prime the assistant's reply ({@code <|start|>assistant<|message|>}). */
    static final int REPLY_PRIMING_TOKENS = 3;

    private final Map<String, Encoding> encodings;

    /** Uses the encodings loaded once per JVM; constructing more counters costs nothing. */
    public TokenCounter() {
        this.encodings = Registry.ENCODINGS;
    }

    /**
     * Tokens in {@code text} under the named encoding. Special-token markers such as {@code <|endoftext|>} in
     * user text are counted as ordinary text, as the provider treats them, instead of failing.
     *
     * @throws IllegalArgumentException when the tokenizer is not one of {@link ModelSpec#TOKENIZERS}
     */
    public int count(String text, String tokenizer) {
        Encoding encoding = encoding(tokenizer);
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Tokens in {@code text} for this model. */
    public int count(String text, ModelSpec model) {
        return count(text, model.tokenizer());
    }

    /**
     * Prompt tokens of a chat, counted as OpenAI bills them: per message 3 tokens of framing plus the role and
     * the content, then 3 tokens priming the reply. A {@code null} content (a tool-call-only message) counts 0.
     *
     * @param roleAndText each message as (role, content)
     */
    public int countChat(List<? extends Map.Entry<String, String>> roleAndText, String tokenizer) {
        Encoding encoding = encoding(tokenizer);
        int total = REPLY_PRIMING_TOKENS;
        for (Map.Entry<String, String> message : roleAndText) {
            String role = Objects.requireNonNull(message.getKey(), "message role");
            String content = message.getValue();
            total += TOKENS_PER_MESSAGE + encoding.countTokensOrdinary(role)
                    + (content == null || content.isEmpty() ? 0 : encoding.countTokensOrdinary(content));
        }
        return total;
    }

    /** Prompt tokens of a chat for this model. */
    public int countChat(List<? extends Map.Entry<String, String>> roleAndText, ModelSpec model) {
        return countChat(roleAndText, model.tokenizer());
    }

    private Encoding encoding(String tokenizer) {
        Encoding encoding = tokenizer == null ? null : encodings.get(tokenizer);
        if (encoding == null) {
            throw new IllegalArgumentException("unknown tokenizer '" + tokenizer + "', known: "
                    + String.join(", ", encodings.keySet().stream().sorted().toList()));
        }
        return encoding;
    }

    /** Holder: the registry loads its vocabularies (a few MB) once, on first use. */
    private static final class Registry {
        static final Map<String, Encoding> ENCODINGS;

        static {
            EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
            ENCODINGS = Map.of(
                    EncodingType.O200K_BASE.getName(), registry.getEncoding(EncodingType.O200K_BASE),
                    EncodingType.CL100K_BASE.getName(), registry.getEncoding(EncodingType.CL100K_BASE));
        }
    }
}
