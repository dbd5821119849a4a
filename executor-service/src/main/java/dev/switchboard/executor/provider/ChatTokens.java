package dev.switchboard.executor.provider;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.tokens.TokenCounter;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

/** Counts a chat's prompt and reply tokens with the model's tokenizer, for providers that report none. */
public final class ChatTokens {

    private final TokenCounter counter;

    public ChatTokens(TokenCounter counter) {
        this.counter = counter;
    }

    /** Prompt tokens of the request's messages, framing included. */
    public int prompt(ChatRequest body, ModelSpec model) {
        List<ChatMessage> messages = body == null || body.messages() == null ? List.of() : body.messages();
        List<Map.Entry<String, String>> roleAndText = messages.stream()
                .<Map.Entry<String, String>>map(m -> new AbstractMap.SimpleEntry<>(
                        m.role() == null ? "user" : m.role(), m.text()))
                .toList();
        return counter.countChat(roleAndText, model);
    }

    /** Tokens of a reply text. */
    public int text(String text, ModelSpec model) {
        return counter.count(text, model);
    }
}
