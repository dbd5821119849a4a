package dev.switchboard.core.policy;

import dev.switchboard.core.cascade.QualityGate;

/**
 * What can be read off one answer without a judge: its final answer in the prompt's format, the quality gate's
 * penalty (refusal, hedging, truncation, missing code or number), slips in its written-out arithmetic, its length.
 *
 * @param finalAnswer     normalised final answer; null when the format has none or the answer states none
 * @param statedAsAsked   the answer is stated in the form the prompt asks for (see {@link AnswerFormat})
 * @param gatePenalty     {@code 1 - } the quality gate's score, in [0, 1]
 * @param arithmeticSlips written-out calculations with a wrong result
 */
public record AnswerReading(String model, String finalAnswer, boolean statedAsAsked, double gatePenalty,
                            int arithmeticSlips, int chars) {

    /** Reads an answer to a prompt. */
    public static AnswerReading of(PromptView prompt, AnswerFormat format, ModelAnswer answer) {
        var task = prompt.classification() == null ? null : prompt.classification().taskType();
        double gate = QualityGate.score(task, null, answer.text(), answer.finishReason()).score();
        String own = AnswerFormat.ownAnswer(answer.text());
        return new AnswerReading(answer.model(), format.finalAnswer(answer.text()),
                format.statedAsAsked(answer.text()), 1 - gate,
                ArithmeticCheck.wrongStatements(own), own.length());
    }
}
