package dev.switchboard.core.recorded;

import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key under which a recorded prompt is found again: the text with every run of whitespace made one space and
 * the ends trimmed, so a client that re-wraps lines or trims the prompt still matches its recording.
 */
public final class PromptKey {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PromptKey() {
    }

    /** The key of a prompt text. */
    public static String of(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The key a benchmark line is indexed under: its first user message. */
    public static String of(BenchmarkLine line) {
        return of(line.firstTurn());
    }

    /**
     * The keys to look a chat request up by, best first: all its user messages joined (a one-message prompt), then
     * its first user message (a multi-turn conversation recorded under its first turn). Empty when no message has
     * the user role.
     */
    public static List<String> candidates(ChatRequest body) {
        List<String> users = new ArrayList<>();
        if (body != null && body.messages() != null) {
            for (ChatMessage message : body.messages()) {
                if (message != null && "user".equals(message.role())) {
                    users.add(message.text());
                }
            }
        }
        if (users.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(of(String.join("\n", users)));
        keys.add(of(users.get(0)));
        keys.remove("");
        return List.copyOf(keys);
    }
}
