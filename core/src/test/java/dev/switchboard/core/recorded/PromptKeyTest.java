package dev.switchboard.core.recorded;

import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptKeyTest {

    @Test
    void ignoresDifferencesInWhitespaceOnly() {
        assertThat(PromptKey.of("\n## Question: \r\n\r\nHow   many?\n")).isEqualTo("## Question: How many?");
        assertThat(PromptKey.of("How many?")).isNotEqualTo(PromptKey.of("How many ?"));
    }

    @Test
    void looksUpByAllUserMessagesThenByTheFirst() {
        ChatRequest conversation = body(ChatMessage.of("system", "Be brief."), ChatMessage.of("user", "Draft an email."),
                ChatMessage.of("assistant", "Dear boss"), ChatMessage.of("user", "Now critique it."));

        assertThat(PromptKey.candidates(conversation))
                .containsExactly("Draft an email. Now critique it.", "Draft an email.");
        assertThat(PromptKey.candidates(body(ChatMessage.of("user", " One  prompt ")))).containsExactly("One prompt");
        assertThat(PromptKey.candidates(body(ChatMessage.of("system", "no user")))).isEmpty();
    }

    private static ChatRequest body(ChatMessage... messages) {
        return new ChatRequest(List.of(messages), null, null, null, null);
    }
}
