package dev.switchboard.core.policy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.json.Json;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a final answer a prompt asks for, read from the prompt alone, and how to pull that final answer
 * out of a reply so that two models' replies can be compared: a choice letter, the {@code answer} field of a JSON
 * reply, or a number after {@code ####}. Free-form prompts (code, essays) have no comparable final answer.
 */
public enum AnswerFormat {
    /** "A) … B) … Answer:": the reply's leading letter. */
    CHOICE_LETTER,
    /** ZeroEval's template: a JSON object whose {@code answer} field holds the answer. */
    JSON_ANSWER,
    /** GSM8K few-shot: worked examples end in {@code #### N}; the reply's {@code #### N}, else its last number. */
    HASH_NUMBER,
    /** Nothing comparable. */
    FREE_TEXT;

    private static final Pattern OPTIONS = Pattern.compile("(?m)^\\(?A[).:]\\s.*\\R\\(?B[).:]\\s");
    private static final Pattern ENDS_WITH_ANSWER = Pattern.compile("(?is)answer\\s*:?\\s*$");
    private static final Pattern LETTER = Pattern.compile("^\\s*\\(?([A-E])(?:[).:,]|\\s|$)");
    private static final Pattern HASH_ANSWER = Pattern.compile("####\\s*\\$?\\s*(-?[\\d,]*\\.?\\d+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+");
    private static final Pattern JSON_FIELD = Pattern.compile("\"answer\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern BARE_FIELD = Pattern.compile("\"answer\"\\s*:\\s*([^\\n}]+)");
    /** A number, optionally with a currency sign before or a unit word after: "$18", "18 dollars", "0.5". */
    private static final Pattern NUMERIC_ANSWER = Pattern.compile("^[$€£]?\\s*(-?[\\d,]*\\.?\\d+)\\s*[a-zA-Z%$ ]*$");
    private static final Pattern NEXT_QUESTION = Pattern.compile("\\n\\s*Question:");
    private static final ObjectReader LENIENT = Json.MAPPER.reader()
            .with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS.mappedFeature());

    /** The format a prompt asks for. */
    public static AnswerFormat of(String prompt) {
        String text = prompt == null ? "" : prompt;
        if (text.contains("\"answer\"") && text.toLowerCase().contains("json")) {
            return JSON_ANSWER;
        }
        if (text.contains("####")) {
            return HASH_NUMBER;
        }
        if (OPTIONS.matcher(text).find() && ENDS_WITH_ANSWER.matcher(text.strip()).find()) {
            return CHOICE_LETTER;
        }
        return FREE_TEXT;
    }

    /** Whether replies in this format have a final answer to compare. */
    public boolean comparable() {
        return this != FREE_TEXT;
    }

    /** The reply's final answer, normalised for comparison; null when the reply has none this format can read. */
    public String finalAnswer(String reply) {
        String text = reply == null ? "" : reply;
        return switch (this) {
            case CHOICE_LETTER -> group(LETTER.matcher(text));
            case JSON_ANSWER -> normalise(jsonAnswer(text));
            case HASH_NUMBER -> hashNumber(text);
            case FREE_TEXT -> null;
        };
    }

    /**
     * Whether the reply states its answer the way the prompt asks: a leading letter, a JSON object with an
     * {@code answer} field, a {@code #### N} line. A reply that does not often went wrong in other ways too.
     */
    public boolean statedAsAsked(String reply) {
        String text = reply == null ? "" : reply;
        return switch (this) {
            case CHOICE_LETTER -> LETTER.matcher(text).find();
            case JSON_ANSWER -> jsonObjectAnswer(text) != null;
            case HASH_NUMBER -> HASH_ANSWER.matcher(ownAnswer(text)).find();
            case FREE_TEXT -> true;
        };
    }

    /**
     * The reply up to where a few-shot model goes on to invent the next "Question:": only that part answers the
     * prompt.
     */
    public static String ownAnswer(String reply) {
        return NEXT_QUESTION.split(reply == null ? "" : reply, 2)[0];
    }

    private static String hashNumber(String text) {
        String own = ownAnswer(text);
        String hashed = group(HASH_ANSWER.matcher(own));
        if (hashed != null) {
            return number(hashed);
        }
        Matcher numbers = NUMBER.matcher(own);
        String last = null;
        while (numbers.find()) {
            last = numbers.group();
        }
        return last == null ? null : number(last);
    }

    /** The first JSON object's {@code answer}, else a quoted or bare {@code "answer":} field anywhere. */
    static String jsonAnswer(String text) {
        String parsed = jsonObjectAnswer(text);
        if (parsed != null) {
            return parsed;
        }
        String quoted = group(JSON_FIELD.matcher(text));
        return quoted != null ? quoted : group(BARE_FIELD.matcher(text));
    }

    /** The {@code answer} of the first JSON object in the text that has one; null when none parses. */
    private static String jsonObjectAnswer(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            try {
                JsonNode node = LENIENT.readTree(text.substring(start));
                if (node != null && node.has("answer")) {
                    JsonNode answer = node.get("answer");
                    return answer.isTextual() ? answer.asText() : answer.toString();
                }
            } catch (JsonProcessingException e) {
                // not an object starting here: try the next brace
            }
        }
        return null;
    }

    /** Numbers compare by value ("18", "$18.00", "18 dollars"); anything else by its trimmed, unquoted text. */
    static String normalise(String answer) {
        if (answer == null) {
            return null;
        }
        String trimmed = answer.strip();
        Matcher numeric = NUMERIC_ANSWER.matcher(trimmed);
        if (numeric.matches()) {
            return number(numeric.group(1));
        }
        String unquoted = trimmed.replaceAll("^[\"'`]+|[\"'`]+$", "").strip();
        return unquoted.replaceAll("\\s+", " ");
    }

    private static String number(String digits) {
        try {
            return new BigDecimal(digits.replace(",", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    private static String group(Matcher matcher) {
        return matcher.find() ? matcher.group(1) : null;
    }
}
