package dev.switchboard.core.policy;

/**
 * Decides one prompt: calls models through the answer source, as few and as cheap as it can, and says whose answer
 * to return. Pure apart from the calls, so the same code runs offline on recorded answers and in the service.
 */
public interface AnswerPolicy {

    /** @return the id of a model this policy called, whose answer is the reply */
    String answer(PromptView prompt, AnswerSource answers);
}
