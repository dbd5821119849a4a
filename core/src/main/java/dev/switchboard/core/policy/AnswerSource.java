package dev.switchboard.core.policy;

/**
 * Calls a model on the prompt being decided and returns its answer. It is a policy's only way to see answers, so a
 * policy cannot read the answer of a model it did not call (and pays for every call it makes).
 */
public interface AnswerSource {

    /** The model's answer to the current prompt; calling the same model again returns the same answer. */
    ModelAnswer call(String model);
}
