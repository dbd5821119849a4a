package dev.switchboard.core.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerFormatTest {

    static final String ARC = "Which gas do plants take in?\nA) oxygen\nB) carbon dioxide\nC) helium\nD) neon\n"
            + "Print only a single choice  from \"A\" or \"B\" or \"C\" or \"D\" without explanation.\nAnswer:";
    static final String ZEROEVAL = "## Question:\nHow many?\n## Instruction\nPresent your reasoning and solution "
            + "in the following json format.\n```json\n{\n    \"reasoning\": \"___\",\n    \"answer\": \"___\"\n}\n```";
    static final String FEW_SHOT = "Question: 2 + 3?\nAnswer: 2 + 3 = 5\n#### 5\n\nQuestion: 4 + 4?\nAnswer:";

    @Test
    void readsTheFormatFromThePrompt() {
        assertThat(AnswerFormat.of(ARC)).isEqualTo(AnswerFormat.CHOICE_LETTER);
        assertThat(AnswerFormat.of(ZEROEVAL)).isEqualTo(AnswerFormat.JSON_ANSWER);
        assertThat(AnswerFormat.of(FEW_SHOT)).isEqualTo(AnswerFormat.HASH_NUMBER);
        assertThat(AnswerFormat.of("Write a function to reverse a list.")).isEqualTo(AnswerFormat.FREE_TEXT);
        assertThat(AnswerFormat.FREE_TEXT.comparable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CHOICE_LETTER | B                                          | B",
            "CHOICE_LETTER | D) neon                                    | D",
            "CHOICE_LETTER | I do                                       | ",
            "JSON_ANSWER   | ```json\\n{\"reasoning\": \"9*2\", \"answer\": \"$18.00\"}\\n``` | 18",
            "JSON_ANSWER   | Here:\\n{\"reasoning\": \"a\\nb\", \"answer\": 18}  | 18",
            "JSON_ANSWER   | {\"reasoning\": \"x\", \"answer\": \"18 dollars\"} | 18",
            "JSON_ANSWER   | {\"answer\": \"'abc'\"}                    | abc",
            "JSON_ANSWER   | {\"answer\": \"[(4, 1), (3, 2)]\"}          | [(4, 1), (3, 2)]",
            "JSON_ANSWER   | the \"answer\": \"7\" (broken json            | 7",
            "HASH_NUMBER   | 9 * 2 = 18\\n#### 1,800\\nQuestion: next? #### 3 | 1800",
            "HASH_NUMBER   | She makes 9 * $2 = $18.                    | 18",
            "FREE_TEXT     | def f(): return 1                          | "})
    void pullsOutAComparableFinalAnswer(AnswerFormat format, String reply, String expected) {
        assertThat(format.finalAnswer(reply.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void tellsWhetherTheAnswerIsStatedAsAsked() {
        assertThat(AnswerFormat.HASH_NUMBER.statedAsAsked("so 18\n#### 18")).isTrue();
        assertThat(AnswerFormat.HASH_NUMBER.statedAsAsked("so the answer is 18")).isFalse();
        assertThat(AnswerFormat.HASH_NUMBER.statedAsAsked("18\nQuestion: more?\n#### 4")).isFalse();
        assertThat(AnswerFormat.JSON_ANSWER.statedAsAsked("{\"answer\": \"1\"}")).isTrue();
        assertThat(AnswerFormat.JSON_ANSWER.statedAsAsked("\"answer\": 1")).isFalse();
        assertThat(AnswerFormat.CHOICE_LETTER.statedAsAsked("Unfortunately I")).isFalse();
    }

    @Test
    void cutsAFewShotReplyWhereItInventsTheNextQuestion() {
        assertThat(AnswerFormat.ownAnswer("5\n#### 5\n\nQuestion: what next?\nAnswer: 7")).isEqualTo("5\n#### 5");
    }
}
