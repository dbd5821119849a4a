package dev.switchboard.core.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QualityGateTest {

    private static final ChatRequest PLAIN = request(null);
    private static final ChatRequest JSON = request(Json.tree("{\"type\":\"json_object\"}"));

    static Stream<Arguments> goodAnswers() {
        return Stream.of(
                arguments("chat", TaskType.CHAT, PLAIN, "To reset your password, open Settings > Security, choose "
                        + "\"Reset password\" and follow the link we email you. The link expires after 30 minutes."),
                arguments("summary", TaskType.SUMMARISATION, PLAIN, "The report finds that cloud spend rose 18% "
                        + "quarter on quarter, driven by GPU instances, and recommends reserved capacity."),
                arguments("classification, one word", TaskType.CLASSIFICATION, PLAIN, "positive"),
                arguments("translation", TaskType.TRANSLATION, PLAIN, "Bonjour"),
                arguments("json object", TaskType.EXTRACTION, JSON, "{\"name\": \"Ada Lovelace\", \"born\": 1815}"),
                arguments("fenced python", TaskType.CODE, PLAIN, "Here is a function:\n\n```python\ndef is_even(n):\n"
                        + "    return n % 2 == 0\n```\n\nIt uses the modulo operator."),
                arguments("unfenced java", TaskType.CODE, PLAIN, "public static int add(int a, int b) {\n"
                        + "    return a + b;\n}"),
                arguments("gsm8k style", TaskType.MATHS, PLAIN, "Janet sells 16 - 3 - 4 = 9 eggs a day.\n"
                        + "She makes 9 * 2 = $18 every day.\n#### 18"),
                arguments("maths, stated", TaskType.MATHS, PLAIN, "Each box holds 12, so 5 boxes hold 60. "
                        + "The answer is 60 apples in total."),
                arguments("reasoning with choice", TaskType.REASONING, PLAIN, "A heavier object does not fall "
                        + "faster in a vacuum; both accelerate at g. Therefore the correct option is (C)."),
                arguments("reasoning, short", TaskType.REASONING, PLAIN, "(B)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodAnswers")
    void passesGoodAnswersWithoutReasons(String name, TaskType task, ChatRequest request, String answer) {
        GateVerdict verdict = QualityGate.score(task, request, answer, "stop");

        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.accepts(0.9)).isTrue();
    }

    static Stream<Arguments> poorAnswers() {
        return Stream.of(
                arguments("empty", TaskType.CHAT, PLAIN, "   ", "stop", 0.0, "empty answer"),
                arguments("refusal", TaskType.CHAT, PLAIN, "I'm sorry, but I can't help with that request.",
                        "stop", 0.3, "refusal"),
                arguments("as an AI", TaskType.REASONING, PLAIN, "As an AI language model, I do not have "
                        + "personal opinions on this, therefore I cannot choose.", "stop", 0.3, "refusal"),
                arguments("curly apostrophe", TaskType.CHAT, PLAIN, "I’m not able to browse the internet, "
                        + "so I cannot check today's price.", "stop", 0.3, "refusal"),
                arguments("hedging", TaskType.CHAT, PLAIN, "I'm not sure, but the capital of Australia might "
                        + "be Sydney or Canberra.", "stop", 0.7, "hedging"),
                arguments("too short summary", TaskType.SUMMARISATION, PLAIN, "Costs went up.", "stop", 0.5,
                        "very short for a summarisation task"),
                arguments("truncated", TaskType.CHAT, PLAIN, "There are three steps. First, open the settings "
                        + "page and", "length", 0.6, "finish_reason length"),
                arguments("json not parseable", TaskType.EXTRACTION, JSON, "Sure! The name is Ada Lovelace and "
                        + "she was born in 1815.", "stop", 0.3, "does not parse"),
                arguments("json with trailing prose", TaskType.EXTRACTION, JSON, "{\"name\": \"Ada\"} Let me "
                        + "know if you need more.", "stop", 0.3, "does not parse"),
                arguments("json in a fence", TaskType.EXTRACTION, JSON, "```json\n{\"name\": \"Ada\"}\n```",
                        "stop", 0.9, "code fence"),
                arguments("code asked, prose given", TaskType.CODE, PLAIN, "You can check whether a number is "
                        + "even by dividing it by two and looking at the remainder.", "stop", 0.5, "no code"),
                arguments("maths without numbers", TaskType.MATHS, PLAIN, "You need to multiply the number of "
                        + "boxes by the apples in each box.", "stop", 0.5, "without any number"),
                arguments("maths without a final number", TaskType.MATHS, PLAIN, "First compute 12 * 5 and "
                        + "then subtract what was eaten from that.\nThat gives the total left over.", "stop", 0.7,
                        "without a final number"),
                arguments("reasoning without conclusion", TaskType.REASONING, PLAIN, "Heavier objects have more "
                        + "mass but also more inertia, and air resistance depends on shape.", "stop", 0.7,
                        "without a stated conclusion"),
                arguments("truncated refusal", TaskType.CHAT, PLAIN, "I cannot provide medical advice, but "
                        + "generally you should", "length", 0.18, "refusal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poorAnswers")
    void scoresPoorAnswersDownAndSaysWhy(String name, TaskType task, ChatRequest request, String answer,
                                         String finish, double expected, String reason) {
        GateVerdict verdict = QualityGate.score(task, request, answer, finish);

        assertThat(verdict.score()).isCloseTo(expected, within(1e-9));
        assertThat(verdict.reasons()).anySatisfy(r -> assertThat(r).contains(reason));
        assertThat(verdict.accepts(0.95)).isFalse();
    }

    @Test
    void aCaveatLateInALongAnswerCostsLittle() {
        GateVerdict verdict = QualityGate.score(TaskType.CHAT, PLAIN, longAnswerWithCaveat(), "stop");

        assertThat(verdict.score()).isCloseTo(0.8, within(1e-9));
        assertThat(verdict.reasons()).containsExactly("refusal phrase late in the answer: \"I cannot\"");
        assertThat(verdict.accepts(0.7)).isTrue();
    }

    @Test
    void aToolCallHasNoTextToJudge() {
        assertThat(QualityGate.score(TaskType.EXTRACTION, JSON, "", "tool_calls")).isEqualTo(GateVerdict.PASS);
    }

    @Test
    void noThresholdAcceptsAnything() {
        GateVerdict empty = QualityGate.score(TaskType.CHAT, PLAIN, "", "stop");

        assertThat(empty.accepts(null)).isTrue();
        assertThat(empty.accepts(0.0)).isTrue();
        assertThat(empty.accepts(0.01)).isFalse();
    }

    @Test
    void aMissingTaskTypeIsJudgedAsChat() {
        assertThat(QualityGate.score(null, null, "Yes.", "stop").reasons())
                .containsExactly("answer of 1 word is very short for a chat task");
    }

    private static String longAnswerWithCaveat() {
        String body = "To migrate the database, take a backup first, then run the migration scripts in order and "
                + "verify the row counts of every table against the backup before switching traffic over. ";
        return body.repeat(4) + "I cannot promise the exact timings, since they depend on the table sizes.";
    }

    private static ChatRequest request(JsonNode responseFormat) {
        return new ChatRequest(List.of(ChatMessage.of("user", "question")), null, null, responseFormat, null);
    }
}
