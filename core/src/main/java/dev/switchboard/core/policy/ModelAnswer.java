package dev.switchboard.core.policy;

/**
 * What a called model said: its text and, when the provider reported it, why it stopped. Never its score.
 *
 * @param finishReason OpenAI-style {@code stop} or {@code length}; null when not known (recorded data lack it)
 */
public record ModelAnswer(String model, String text, String finishReason) {

    public ModelAnswer {
        text = text == null ? "" : text;
    }
}
