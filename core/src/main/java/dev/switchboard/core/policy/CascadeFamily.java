package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cascades with learned acceptance: call the models of a chain from the cheapest; after each call, judge the answer
 * the cascade would return now (agreement of the final answers so far, the quality gate, arithmetic slips, the
 * predictor's prior) with that step's logistic model, and stop when its chance of being as good as the end of the
 * chain reaches the threshold. The last model's step always stops.
 * <p>
 * Routing before cascading: when the predictor expects the last model to do much better on the prompt than the
 * first ({@code prior(last) - prior(first) > skipGap}), the cascade skips straight to the last model and pays for
 * no draft that would most likely be escalated anyway.
 *
 * @param chain      model ids, cheapest first; at least two
 * @param acceptance one model per step but the last
 * @param lastWord   at the end of the chain, return the last model's answer even when the models before it
 *                   agree on another; otherwise the majority answer (training picks what scored better)
 * @param skipGap    the predicted gain of the last model over the first above which the first models are skipped;
 *                   {@link Double#POSITIVE_INFINITY}: never
 */
public record CascadeFamily(List<String> chain, List<LogisticModel> acceptance, boolean lastWord,
                            Set<Signal> signals, Evidence evidence, double skipGap) implements PolicyFamily {

    public static final String NAME = "cascade";
    /** The skip gaps training tries for every chain, besides never skipping. */
    public static final List<Double> SKIP_GAPS = List.of(0.5, 0.4, 0.3, 0.25, 0.2, 0.15);

    public CascadeFamily {
        chain = List.copyOf(chain);
        acceptance = List.copyOf(acceptance);
        signals = Set.copyOf(signals);
        if (chain.size() < 2 || acceptance.size() != chain.size() - 1) {
            throw new IllegalArgumentException("a cascade needs two models or more and one acceptance model per "
                    + "step but the last: chain " + chain + ", " + acceptance.size() + " acceptance models");
        }
        if (!(skipGap >= 0)) {
            throw new IllegalArgumentException("the skip gap must be 0 or more (infinity: never skip), was "
                    + skipGap);
        }
    }

    /** A cascade that never skips its drafters. */
    public CascadeFamily(List<String> chain, List<LogisticModel> acceptance, boolean lastWord, Set<Signal> signals,
                         Evidence evidence) {
        this(chain, acceptance, lastWord, signals, evidence, Double.POSITIVE_INFINITY);
    }

    /** The same cascade, skipping its drafters above this predicted gain. */
    public CascadeFamily withSkipGap(double gap) {
        return new CascadeFamily(chain, acceptance, lastWord, signals, evidence, gap);
    }

    /** Whether this prompt goes straight to the last model: decided from the prompt alone, before any call. */
    public boolean skips(PromptView prompt) {
        if (skipGap == Double.POSITIVE_INFINITY) {
            return false;
        }
        Map<String, Double> prior = evidence.prior(prompt);
        Double first = prior.get(chain.get(0));
        Double last = prior.get(chain.get(chain.size() - 1));
        return first != null && last != null && last - first > skipGap;
    }

    /** The decision of a prompt that skips to the last model, at every threshold. */
    private Choice skipped(AnswerSource answers) {
        String last = chain.get(chain.size() - 1);
        answers.call(last);
        return Choice.single(last);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The chain, or only its last model when the prompt skips to it. */
    @Override
    public List<String> plannedCalls(PromptView prompt, double threshold) {
        return skips(prompt) ? List.of(chain.get(chain.size() - 1)) : chain;
    }

    @Override
    public AnswerPolicy at(double threshold) {
        return (prompt, answers) -> {
            if (skips(prompt)) {
                return skipped(answers).answeredBy();
            }
            List<ModelAnswer> called = new ArrayList<>();
            for (int i = 0; ; i++) {
                called.add(answers.call(chain.get(i)));
                Verdict verdict = judge(prompt, called, threshold);
                if (verdict.stop()) {
                    return verdict.answeredBy();
                }
            }
        };
    }

    /**
     * What the cascade does after the answers so far: stop and return {@code answeredBy}'s answer, or call the next
     * model of the chain. The offline policy ({@link #at}) and the executor's live cascade ({@link LiveCascade})
     * both judge here.
     *
     * @param answers the answers of the chain's first models, one per model in chain order; not empty
     */
    public Verdict judge(PromptView prompt, List<ModelAnswer> answers, double threshold) {
        if (answers.isEmpty() || answers.size() > chain.size()) {
            throw new IllegalArgumentException("a cascade of " + chain.size() + " models judges 1 to " + chain.size()
                    + " answers, got " + answers.size());
        }
        List<AnswerReading> called = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!chain.get(i).equals(answers.get(i).model())) {
                throw new IllegalArgumentException("answer " + (i + 1) + " is " + answers.get(i).model()
                        + "'s, but the chain's model " + (i + 1) + " is " + chain.get(i));
            }
            called.add(evidence.read(prompt, answers.get(i)));
        }
        Step step = assess(prompt, called);
        return new Verdict(step.confidence() >= threshold, step.answeredBy());
    }

    /** A cascade's judgement after a step: whether to stop, and whose answer it would return. */
    public record Verdict(boolean stop, String answeredBy) {
    }

    /**
     * After the answers read so far: whose answer the cascade would return, and the step's acceptance chance
     * (infinite at the end of the chain, which always stops). It stops where the chance reaches the threshold.
     */
    private record Step(String answeredBy, double confidence) {
    }

    private Step assess(PromptView prompt, List<AnswerReading> called) {
        CascadeState state = state(prompt, called);
        int step = called.size() - 1;
        return new Step(state.answeredBy(), step == chain.size() - 1 ? Double.POSITIVE_INFINITY
                : acceptance.get(step).probability(state.features()));
    }

    @Override
    public DecisionTrace trace(PromptView prompt, AnswerSource answers) {
        if (skips(prompt)) {
            Choice choice = skipped(answers);
            return threshold -> choice;
        }
        return unskipped(prompt, answers);
    }

    /** The trace of the chain called from its cheapest model. */
    private DecisionTrace unskipped(PromptView prompt, AnswerSource answers) {
        List<AnswerReading> called = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (String model : chain) {
            called.add(evidence.read(prompt, answers.call(model)));
            steps.add(assess(prompt, called));
        }
        List<Choice> stops = new ArrayList<>();
        for (int stop = 0; stop < chain.size(); stop++) {
            stops.add(new Choice(chain.subList(0, stop + 1), steps.get(stop).answeredBy()));
        }
        return threshold -> {
            int stop = 0;
            while (steps.get(stop).confidence() < threshold) {
                stop++;
            }
            return stops.get(stop);
        };
    }

    /** The state after the answers read so far; also what training fits the acceptance models on. */
    CascadeState state(PromptView prompt, List<AnswerReading> called) {
        Map<String, Double> prior = signals.contains(Signal.PRIOR) ? evidence.prior(prompt) : Map.of();
        boolean end = called.size() == chain.size();
        int question = signals.contains(Signal.LENGTH) ? evidence.questionChars(prompt) : 0;
        return CascadeState.of(called, evidence.format(prompt), prior, prompt, question, signals, end && lastWord);
    }
}
