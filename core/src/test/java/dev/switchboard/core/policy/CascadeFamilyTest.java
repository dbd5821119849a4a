package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CascadeFamilyTest {

    private static final List<RecordedPrompt> PROMPTS = SyntheticBenchmark.prompts(60, "sums");
    private static final Set<Signal> SIGNALS = EnumSet.of(Signal.AGREEMENT, Signal.FINAL_ANSWER);

    @Test
    void acceptsTwoAgreeingCheapAnswersAndEscalatesOnDisagreement() {
        CascadeFamily cascade = CascadeFitter.fit(SyntheticBenchmark.MODELS, PROMPTS, SIGNALS, new Evidence(null),
                0.01, 3, 1L).family();
        // small alone is right on 2 prompts in 3, so at 0.8 it never stops there; two agreeing answers are always right
        AnswerPolicy policy = cascade.at(0.8);

        // prompt 1: small and medium both right → agree; prompt 3: small wrong → escalate to large
        RecordedAnswers agree = new RecordedAnswers(PROMPTS.get(1).line());
        assertThat(policy.answer(PROMPTS.get(1).view(), agree)).isEqualTo("medium");
        assertThat(agree.calls()).containsExactly("small", "medium");
        RecordedAnswers disagree = new RecordedAnswers(PROMPTS.get(3).line());
        assertThat(policy.answer(PROMPTS.get(3).view(), disagree)).isEqualTo("large");
        assertThat(disagree.calls()).containsExactly("small", "medium", "large");
    }

    @Test
    void theTraceDecidesLikeThePolicyAtEveryThreshold() {
        Evidence evidence = new Evidence(null);
        CascadeFamily cascade = CascadeFitter.fit(SyntheticBenchmark.MODELS, PROMPTS, SIGNALS, evidence, 0.01, 3, 1L)
                .family();
        for (RecordedPrompt prompt : PROMPTS) {
            DecisionTrace trace = cascade.trace(prompt.view(), new RecordedAnswers(prompt.line()));
            for (double threshold : List.of(0.0, 0.3, 0.6, 0.9, 0.999, 1.0001)) {
                RecordedAnswers answers = new RecordedAnswers(prompt.line());
                String answeredBy = cascade.at(threshold).answer(prompt.view(), answers);
                assertThat(trace.at(threshold)).isEqualTo(answers.choice(answeredBy));
            }
        }
    }

    @Test
    void aPolicySeesOnlyTheAnswersItCalledFor() {
        CascadeFamily cascade = CascadeFitter.fit(SyntheticBenchmark.MODELS, PROMPTS, SIGNALS, new Evidence(null),
                0.01, 3, 1L).family();
        List<String> asked = new ArrayList<>();
        AnswerSource spy = model -> {
            asked.add(model);
            return new ModelAnswer(model, "It makes 8.\n#### 8", null);
        };

        String answeredBy = cascade.at(0.8).answer(PROMPTS.get(0).view(), spy);

        assertThat(asked).containsExactly("small", "medium");
        assertThat(answeredBy).isIn(asked);
    }

    @Test
    void thresholdZeroStopsAtTheFirstModelAndAboveOneGoesToTheEnd() {
        CascadeFamily cascade = CascadeFitter.fit(SyntheticBenchmark.MODELS, PROMPTS, SIGNALS, new Evidence(null),
                0.01, 3, 1L).family();
        DecisionTrace trace = cascade.trace(PROMPTS.get(1).view(), new RecordedAnswers(PROMPTS.get(1).line()));

        assertThat(trace.at(0)).isEqualTo(Choice.single("small"));
        assertThat(trace.at(1.0001).calls()).containsExactly("small", "medium", "large");
    }

    @Test
    void skipsStraightToTheLastModelWhenThePriorExpectsTheDraftToFail() {
        // prompt 0: small predicted 0.2, large 0.9 (gap 0.7); prompt 1: small 0.8, large 0.9 (gap 0.1)
        RecordedPrompt hard = PROMPTS.get(0);
        RecordedPrompt easy = PROMPTS.get(1);
        QualityPredictor predictor = prompt -> prompt == hard.view()
                ? Map.of("small", 0.2, "medium", 0.5, "large", 0.9)
                : Map.of("small", 0.8, "medium", 0.85, "large", 0.9);
        CascadeFamily cascade = CascadeFitter.fit(SyntheticBenchmark.MODELS, PROMPTS, SIGNALS, new Evidence(null),
                0.01, 3, 1L).family();
        CascadeFamily skipping = new CascadeFamily(cascade.chain(), cascade.acceptance(), cascade.lastWord(),
                SIGNALS, new Evidence(predictor), 0.5);

        RecordedAnswers hardAnswers = new RecordedAnswers(hard.line());
        assertThat(skipping.at(0.0).answer(hard.view(), hardAnswers)).isEqualTo("large");
        assertThat(hardAnswers.calls()).containsExactly("large");
        assertThat(skipping.trace(hard.view(), new RecordedAnswers(hard.line())).at(0.0))
                .isEqualTo(Choice.single("large"));
        // below the gap the cascade runs as it always did, from the cheapest model
        assertThat(skipping.trace(easy.view(), new RecordedAnswers(easy.line())).at(0.0))
                .isEqualTo(Choice.single("small"));
        assertThat(skipping.withSkipGap(Double.POSITIVE_INFINITY).skips(hard.view())).isFalse();
        assertThatThrownBy(() -> cascade.withSkipGap(-0.1)).hasMessageContaining("skip gap");
    }
}
