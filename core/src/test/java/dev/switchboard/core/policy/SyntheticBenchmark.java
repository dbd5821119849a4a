package dev.switchboard.core.policy;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.RecordedOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small made-up benchmark with a known structure: three models answer a sum in the GSM8K few-shot format;
 * {@code small} is wrong on every third prompt, {@code medium} on every fourth, each with its own wrong number, and
 * {@code large} is always right. So two cheap answers that agree are right, and disagreement calls for escalation.
 */
final class SyntheticBenchmark {

    static final List<String> MODELS = List.of("small", "medium", "large");
    private static final Map<String, String> COST = Map.of("small", "0.0010", "medium", "0.0030",
            "large", "0.0200");

    private SyntheticBenchmark() {
    }

    static List<BenchmarkLine> lines(int count, String task) {
        return lines(count, task, false);
    }

    /**
     * @param trap medium makes small's very mistake (every third prompt) instead of its own: there two cheap
     *             answers agree and are wrong, so what agreement taught on the other tasks misleads
     */
    static List<BenchmarkLine> lines(int count, String task, boolean trap) {
        List<BenchmarkLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = 3 + i % 17;
            int b = 5 + (i * 7) % 23;
            // The prompts differ by one meaningless word, so nothing in the prompt tells which model gets it right.
            String prompt = "Question: Tom has 2 apples and buys 3 more. How many?\nAnswer: 2 + 3 = 5\n#### 5\n\n"
                    + "Question: " + task + " case " + Integer.toString(1000 + i * 7919 % 10007, 36)
                    + ": Ann has some pears and gets more. How many pears?\nAnswer:";
            Map<String, RecordedOutcome> outcomes = new LinkedHashMap<>();
            outcomes.put("small", outcome("small", a, b, i % 3 == 0 ? 1 : 0));
            outcomes.put("medium", outcome("medium", a, b, trap ? (i % 3 == 0 ? 1 : 0) : i % 4 == 0 ? 2 : 0));
            outcomes.put("large", outcome("large", a, b, 0));
            lines.add(new BenchmarkLine("synthetic/" + task + "/" + i, "synthetic", task, prompt, null, outcomes));
        }
        return lines;
    }

    static List<RecordedPrompt> prompts(int count, String task) {
        return RecordedPrompt.of(lines(count, task), new RuleClassifier());
    }

    /**
     * Every other prompt is a riddle, and says so: there small and medium are both wrong (each its own way) and
     * only large is right; on the others all three are right. The prompt tells which is which.
     */
    static List<RecordedPrompt> riddlePrompts(int count, String task) {
        List<BenchmarkLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean riddle = i % 2 == 0;
            lines.add(question(task, i, riddle ? ": a riddle with a twist, think twice about the trick."
                    : ": Ann has some pears.", riddle ? 1 : 0, riddle ? 2 : 0, 0));
        }
        return RecordedPrompt.of(lines, new RuleClassifier());
    }

    /**
     * Every other prompt speaks of apples, the rest of pears, and the prompt says which. On the apple prompts small
     * is always wrong and large always right; on the pear prompts small is always right and large is wrong on every
     * other one. {@code flipped} swaps the roles of apples and pears: what one task teaches about a word misleads
     * on the other, while large stays the strongest model on each.
     */
    static List<RecordedPrompt> misleadingPrompts(int count, String task, boolean flipped) {
        List<BenchmarkLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean apples = i % 2 == 0;
            boolean smallWrong = apples != flipped;
            lines.add(question(task, i, apples ? ": Ann has some apples and gets more apples."
                    : ": Ann has some pears and gets more pears.", smallWrong ? 1 : 0, 2,
                    !smallWrong && i % 4 < 2 ? 3 : 0));
        }
        return RecordedPrompt.of(lines, new RuleClassifier());
    }

    /** A short question of the task, and how far each model's answer is off (0: right). */
    private static BenchmarkLine question(String task, int i, String question, int smallError, int mediumError,
                                          int largeError) {
        int a = 3 + i % 17;
        int b = 5 + (i * 7) % 23;
        String prompt = "Question: " + task + " case " + Integer.toString(1000 + i * 7919 % 10007, 36) + question
                + " How many?\nAnswer:";
        Map<String, RecordedOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("small", outcome("small", a, b, smallError));
        outcomes.put("medium", outcome("medium", a, b, mediumError));
        outcomes.put("large", outcome("large", a, b, largeError));
        return new BenchmarkLine("synthetic/" + task + "/" + i, "synthetic", task, prompt, null, outcomes);
    }

    static List<RecordedPrompt> trapPrompts(int count, String task) {
        return RecordedPrompt.of(lines(count, task, true), new RuleClassifier());
    }

    private static RecordedOutcome outcome(String model, int a, int b, int error) {
        int answer = a + b + error;
        // No written-out sum: only the final answers tell right from wrong, so agreement is the signal to learn.
        String text = "Counting them all gives " + answer + ".\n#### " + answer;
        return new RecordedOutcome(error == 0 ? 1.0 : 0.0, text, 60, 12, new BigDecimal(COST.get(model)));
    }
}
