package dev.switchboard.core.cascade;

import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.TaskType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The cascade's quality gate: scores an answer in [0, 1] from cheap warning signs and names them. */
public final class QualityGate {

    static final double REFUSAL = 0.7;
    static final double LATE_REFUSAL = 0.2;
    static final double HEDGING = 0.3;
    static final double TOO_SHORT = 0.5;
    static final double TRUNCATED = 0.4;
    static final double JSON_UNPARSEABLE = 0.7;
    static final double JSON_FENCED = 0.1;
    static final double NO_CODE = 0.5;
    static final double NO_NUMBER = 0.5;
    static final double NO_FINAL_ANSWER = 0.3;

    /** Refusals near the start decide the answer; further in, they are often a caveat in a useful answer. */
    private static final int REFUSAL_HEAD_CHARS = 160;
    private static final int SHORT_ANSWER_WORDS = 60;

    private static final Map<TaskType, Integer> MIN_WORDS = Map.of(
            TaskType.SUMMARISATION, 8,
            TaskType.CREATIVE, 20,
            TaskType.CHAT, 3,
            TaskType.CODE, 3);

    private static final String APOSTROPHE = "['’]";
    private static final Pattern REFUSAL_PHRASE = Pattern.compile("(?i)\\b(i can" + APOSTROPHE + "?t|i cannot"
            + "|i" + APOSTROPHE + "?m not able to|i am not able to|i" + APOSTROPHE + "?m unable to|i am unable to"
            + "|i won" + APOSTROPHE + "?t be able to|as an ai\\b|as a language model|i" + APOSTROPHE
            + "?m sorry, but|i must decline)");
    private static final Pattern HEDGING_PHRASE = Pattern.compile("(?i)\\b(i" + APOSTROPHE + "?m not sure"
            + "|i am not sure|i" + APOSTROPHE + "?m not certain|i am not certain|i don" + APOSTROPHE + "?t know"
            + "|i do not know|it" + APOSTROPHE + "?s hard to say|i might be wrong|i may be wrong)");

    private QualityGate() {
    }

    /**
     * Scores an answer.
     *
     * @param task         what the prompt asks for; {@code null} is taken as chat
     * @param request      the caller's request (for {@code response_format})
     * @param answer       the answer's text
     * @param finishReason OpenAI-style: {@code stop}, {@code length}, {@code tool_calls}, ...
     */
    public static GateVerdict score(TaskType task, ChatRequest request, String answer, String finishReason) {
        TaskType type = task == null ? TaskType.CHAT : task;
        if ("tool_calls".equals(finishReason) || "function_call".equals(finishReason)) {
            return GateVerdict.PASS; // a tool call has no text to judge; the caller runs the tool
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return new GateVerdict(0.0, List.of("empty answer"));
        }
        Scoring scoring = new Scoring();
        checkLength(scoring, type, text);
        checkRefusalAndHedging(scoring, text);
        if ("length".equals(finishReason)) {
            scoring.penalise(TRUNCATED, "cut off by the token limit (finish_reason length)");
        }
        if (request != null && request.wantsJson()) {
            checkJson(scoring, text);
        }
        switch (type) {
            case CODE -> {
                if (!AnswerShape.hasCode(text)) {
                    scoring.penalise(NO_CODE, "code was asked for but the answer has no code");
                }
            }
            case MATHS -> checkMaths(scoring, text);
            case REASONING -> {
                if (words(text) > 5 && !AnswerShape.hasConclusion(text)) {
                    scoring.penalise(NO_FINAL_ANSWER, "reasoning without a stated conclusion");
                }
            }
            default -> { }
        }
        return scoring.verdict();
    }

    private static void checkLength(Scoring scoring, TaskType type, String text) {
        int minimum = MIN_WORDS.getOrDefault(type, 1);
        int words = words(text);
        if (words < minimum) {
            scoring.penalise(TOO_SHORT, "answer of " + words + " word" + (words == 1 ? "" : "s")
                    + " is very short for a " + type.name().toLowerCase() + " task");
        }
    }

    private static void checkRefusalAndHedging(Scoring scoring, String text) {
        var refusal = REFUSAL_PHRASE.matcher(text);
        if (refusal.find()) {
            boolean decisive = refusal.start() < REFUSAL_HEAD_CHARS || words(text) < SHORT_ANSWER_WORDS;
            scoring.penalise(decisive ? REFUSAL : LATE_REFUSAL, (decisive ? "refusal: \"" : "refusal phrase late "
                    + "in the answer: \"") + refusal.group(1) + "\"");
        }
        var hedge = HEDGING_PHRASE.matcher(text);
        if (hedge.find()) {
            scoring.penalise(HEDGING, "hedging: \"" + hedge.group(1) + "\"");
        }
    }

    private static void checkJson(Scoring scoring, String text) {
        if (AnswerShape.parsesAsJson(text)) {
            return;
        }
        String fenced = AnswerShape.unfence(text);
        if (fenced != null && AnswerShape.parsesAsJson(fenced)) {
            scoring.penalise(JSON_FENCED, "JSON wrapped in a code fence");
        } else {
            scoring.penalise(JSON_UNPARSEABLE, "JSON was asked for but the answer does not parse");
        }
    }

    private static void checkMaths(Scoring scoring, String text) {
        if (!AnswerShape.hasNumber(text)) {
            scoring.penalise(NO_NUMBER, "maths answer without any number");
        } else if (!AnswerShape.hasFinalNumber(text)) {
            scoring.penalise(NO_FINAL_ANSWER, "maths answer without a final number");
        }
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** The running score and the reasons behind it; penalties multiply, so two weak signs cost more than one. */
    private static final class Scoring {
        private double score = 1.0;
        private final List<String> reasons = new ArrayList<>();

        void penalise(double penalty, String reason) {
            score *= 1.0 - penalty;
            reasons.add(reason);
        }

        GateVerdict verdict() {
            return new GateVerdict(Math.max(0.0, Math.min(1.0, score)), List.copyOf(reasons));
        }
    }
}
