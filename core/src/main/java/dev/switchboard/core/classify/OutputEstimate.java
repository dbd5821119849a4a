package dev.switchboard.core.classify;

import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.TaskType;

/**
 * Expected reply length in tokens per task type: typical answer sizes, grown for hard tasks, never above the
 * caller's {@code max_tokens}.
 */
final class OutputEstimate {

    private OutputEstimate() {
    }

    static int tokens(TaskType task, Complexity complexity, int inputTokens, Integer maxTokens) {
        int estimate = switch (task) {
            // A summary is a fraction of its source; a translation is about as long as it.
            case SUMMARISATION -> clamp(inputTokens / 5, 60, 600);
            case TRANSLATION -> clamp(inputTokens + inputTokens / 10, 20, 4_000);
            case EXTRACTION -> clamp(inputTokens / 4, 50, 800);
            case CLASSIFICATION -> 20;
            case CODE -> 500;
            case MATHS -> 250;
            case REASONING -> 500;
            case CREATIVE -> 400;
            case CHAT -> 200;
        };
        if (complexity == Complexity.HIGH && grows(task)) {
            estimate *= 2;
        }
        return maxTokens == null || maxTokens <= 0 ? estimate : Math.min(estimate, maxTokens);
    }

    /** Tasks whose answer gets longer as the problem gets harder (more code, more steps of working). */
    private static boolean grows(TaskType task) {
        return task == TaskType.CODE || task == TaskType.MATHS || task == TaskType.REASONING
                || task == TaskType.CREATIVE || task == TaskType.CHAT;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
