package dev.switchboard.core.cascade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.json.Json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an answer's text looks like: JSON, code, numbers, a conclusion; the quality gate's detectors. */
final class AnswerShape {

    private static final ObjectReader STRICT_JSON = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FENCE = Pattern.compile("```[\\w+-]*[ \\t]*\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern INDENTED_LINE = Pattern.compile("(?m)^(?: {4}|\\t)\\S.*$");
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(?:def |class |function |fn |func "
            + "|public |private |static |import |from \\S+ import |#include|package |const |let |var |return\\b"
            + "|for\\s*\\(|for \\w+ in |while\\s*\\(|if\\s*\\(|SELECT |CREATE |\\w+\\s*\\(.*\\)\\s*\\{|.*;\\s*$"
            + "|.*\\{\\s*$|\\s*\\}\\s*;?\\s*$)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)*");
    private static final Pattern STATED_ANSWER = Pattern.compile("(?i)(?:answer|result|total|solution)\\s*"
            + "(?:is|=|:|would be|comes to)\\s*\\**\\s*\\$?-?\\d|####\\s*-?\\d|\\\\boxed\\{"
            + "|=\\s*\\$?-?\\d[\\d.,]*\\s*\\W*$");
    private static final Pattern CONCLUSION = Pattern.compile("(?i)\\b(?:therefore|thus|hence|so the answer"
            + "|the answer is|answer:|in conclusion|final answer|the correct (?:answer|option|choice) is"
            + "|which means|this means)|\\(([A-E])\\)\\s*\\W*$|\\b(?:yes|no)\\b[.!]?\\s*$");

    private AnswerShape() {
    }

    /** The whole text is one JSON object or array, nothing before or after it. */
    static boolean parsesAsJson(String text) {
        try {
            JsonNode node = STRICT_JSON.readTree(text);
            return node != null && (node.isObject() || node.isArray());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The body of the first fenced code block, or {@code null} when there is none. */
    static String unfence(String text) {
        Matcher fence = FENCE.matcher(text);
        return fence.find() ? fence.group(1).strip() : null;
    }

    /** A fenced block, an indented block of two lines or more, or two lines that read as code. */
    static boolean hasCode(String text) {
        if (unfence(text) != null) {
            return true;
        }
        return count(INDENTED_LINE, text) >= 2 || count(CODE_LINE, text) >= 2;
    }

    static boolean hasNumber(String text) {
        return NUMBER.matcher(text).find();
    }

    /** A number in the last line, or a stated answer ("the answer is 42", "#### 42", {@code \boxed{}}). */
    static boolean hasFinalNumber(String text) {
        if (STATED_ANSWER.matcher(text).find()) {
            return true;
        }
        String[] lines = text.strip().split("\\R");
        return NUMBER.matcher(lines[lines.length - 1]).find();
    }

    /** A concluding phrase, or a final choice like "(B)" or a closing yes/no. */
    static boolean hasConclusion(String text) {
        return CONCLUSION.matcher(text).find();
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
