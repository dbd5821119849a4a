package dev.switchboard.core.classify;

import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.TaskType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how hard a prompt is from its task type, its length and its cues (several steps, demanding words):
 * 0 points is low, 1 is medium, 2 or more is high.
 */
final class ComplexityRules {

    /** Prompts above this many tokens make the model hold a long context: one point. */
    static final int LONG_INPUT_TOKENS = 1_500;
    /** Prompts above this many tokens: two points. */
    static final int VERY_LONG_INPUT_TOKENS = 8_000;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern NUMBERED_STEP = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])\\s+\\S");
    private static final Pattern SEQUENCE_WORD = Pattern.compile(
            "\\b(?:first(?:ly)?|then|next|after\\s+that|afterwards|finally|additionally|also)\\b", FLAGS);
    private static final Pattern DEMANDING = Pattern.compile(
            "\\b(?:prove|proof|rigorous(?:ly)?|formal(?:ly)?|derive|theorem|optimi[sz]e|edge\\s+cases?"
                    + "|time\\s+complexity|big-?o|concurren\\w*|thread-?safe|distributed|architecture"
                    + "|trade-?offs?|in\\s+depth|comprehensive|production-?ready)\\b", FLAGS);

    private ComplexityRules() {
    }

    static Complexity assess(TaskType task, int inputTokens, String instruction) {
        int points = taskPoints(task) + lengthPoints(inputTokens);
        if (isMultiStep(instruction)) {
            points++;
        }
        if (DEMANDING.matcher(instruction).find()) {
            points++;
        }
        return points == 0 ? Complexity.LOW : points == 1 ? Complexity.MEDIUM : Complexity.HIGH;
    }

    private static int taskPoints(TaskType task) {
        return switch (task) {
            case CODE, MATHS, REASONING -> 1;
            default -> 0;
        };
    }

    private static int lengthPoints(int inputTokens) {
        return inputTokens > VERY_LONG_INPUT_TOKENS ? 2 : inputTokens > LONG_INPUT_TOKENS ? 1 : 0;
    }

    /** Three or more listed steps, or three or more sequencing words ("first ... then ... finally"). */
    private static boolean isMultiStep(String instruction) {
        return count(NUMBERED_STEP, instruction) >= 3 || count(SEQUENCE_WORD, instruction) >= 3;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
