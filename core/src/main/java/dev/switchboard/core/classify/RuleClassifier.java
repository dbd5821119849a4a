package dev.switchboard.core.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tokens.TokenCounter;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies a request with keyword, regex and structure rules: token count, task type, complexity, expected
 * reply length, required capabilities and domain. Pure and thread-safe.
 */
public final class RuleClassifier {

    /** The {@code classifier_version} this classifier stamps on its classifications. */
    public static final String VERSION = "rules-1";
    /** The encoding used when none is given: the one every model of the built-in catalog counts with. */
    public static final String DEFAULT_TOKENIZER = "o200k_base";
    /**
     * Prompt tokens assumed per image: OpenAI's price for one 1024×1024 image at high detail. The real figure
     * depends on the image size, which the classifier does not download.
     */
    public static final int TOKENS_PER_IMAGE = 765;

    private static final Set<String> IMAGE_PART_TYPES = Set.of("image_url", "image", "input_image");

    private final TokenCounter tokens;
    private final String tokenizer;

    /** Counts with {@link #DEFAULT_TOKENIZER}. */
    public RuleClassifier() {
        this(new TokenCounter(), DEFAULT_TOKENIZER);
    }

    /**
     * @param tokenizer the encoding to count prompt tokens with, one of {@link ModelSpec#TOKENIZERS}
     * @throws IllegalArgumentException when the tokenizer is unknown
     */
    public RuleClassifier(TokenCounter tokens, String tokenizer) {
        if (!ModelSpec.TOKENIZERS.contains(tokenizer)) {
            throw new IllegalArgumentException("unknown tokenizer '" + tokenizer + "', known: "
                    + String.join(", ", ModelSpec.TOKENIZERS.stream().sorted().toList()));
        }
        this.tokens = tokens;
        this.tokenizer = tokenizer;
    }

    /** Classifies a request that passed intake (it has a body with at least one message). */
    public Classification classify(LlmRequest request) {
        ChatRequest body = request.body();
        String instruction = instructionText(body.messages());
        TaskType task = TaskTypeRules.detect(instruction);
        int inputTokens = inputTokens(body);
        Complexity complexity = ComplexityRules.assess(task, inputTokens, instruction);
        return new Classification(
                task,
                DomainRules.domain(task, instruction),
                complexity,
                inputTokens,
                OutputEstimate.tokens(task, complexity, inputTokens, body.maxTokens()),
                Map.of(),
                requiredCapabilities(body),
                VERSION);
    }

    /** The tokenizer this classifier counts with. */
    public String tokenizer() {
        return tokenizer;
    }

    /**
     * The last user message, then the system and developer messages: what the caller asks comes first, so
     * the rules that look for the earliest instruction find the user's ask before a generic system prompt.
     */
    static String instructionText(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                text.append(messages.get(i).text());
                break;
            }
        }
        if (text.isEmpty()) {
            text.append(messages.get(messages.size() - 1).text());
        }
        for (ChatMessage message : messages) {
            if ("system".equals(message.role()) || "developer".equals(message.role())) {
                text.append('\n').append(message.text());
            }
        }
        return text.toString();
    }

    /**
     * Prompt tokens as the provider bills them: the chat messages, the tool definitions (sent to the model as
     * part of the prompt) and a flat estimate per image.
     */
    private int inputTokens(ChatRequest body) {
        List<Map.Entry<String, String>> chat = new ArrayList<>();
        int images = 0;
        for (ChatMessage message : body.messages()) {
            chat.add(new SimpleEntry<>(message.role() == null ? "" : message.role(), message.text()));
            images += imageParts(message);
        }
        int total = tokens.countChat(chat, tokenizer) + images * TOKENS_PER_IMAGE;
        if (body.usesTools()) {
            total += tokens.count(Json.write(body.tools()), tokenizer);
        }
        return total;
    }

    private static int imageParts(ChatMessage message) {
        if (message.content() == null || !message.content().isArray()) {
            return 0;
        }
        int n = 0;
        for (JsonNode part : message.content()) {
            if (IMAGE_PART_TYPES.contains(part.path("type").asText(""))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> requiredCapabilities(ChatRequest body) {
        List<String> needs = new ArrayList<>();
        if (body.usesTools()) {
            needs.add(Capability.TOOLS.wire());
        }
        if (body.hasImages()) {
            needs.add(Capability.VISION.wire());
        }
        if (body.wantsJson()) {
            needs.add(Capability.JSON.wire());
        }
        return List.copyOf(needs);
    }
}
