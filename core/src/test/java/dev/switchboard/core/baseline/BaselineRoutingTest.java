package dev.switchboard.core.baseline;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.RoutedPrompt;
import dev.switchboard.core.policy.WordHashEmbedder;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.RecordedOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineRoutingTest {

    private static final long SEED = 20240611;
    private static final WordHashEmbedder WORDS = new WordHashEmbedder("word-hash-64", 64);

    /**
     * Three kinds of prompt, told apart by their words: on riddles (a third) only {@code large} is right, and
     * {@code small} says it is not sure; on trivia (a sixth) only {@code small} is right; on sums both are. So
     * {@code large} is the best single model (5/6), and a router that reads the prompt sends riddles to it and the
     * rest to {@code small} (quality 1).
     */
    private static List<RecordedPrompt> prompts(int count) {
        List<BenchmarkLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = i % 6 < 2 ? "riddle" : i % 6 == 2 ? "trivia" : "sum";
            String prompt = switch (kind) {
                case "riddle" -> "A riddle with a twist: think twice about the trick.";
                case "trivia" -> "Trivia about old film stars and their studios.";
                default -> "Add the numbers of pears and apples in the basket.";
            };
            Map<String, RecordedOutcome> outcomes = new LinkedHashMap<>();
            boolean smallRight = !kind.equals("riddle");
            outcomes.put("small", new RecordedOutcome(smallRight ? 1.0 : 0.0, smallRight ? "The answer is "
                    + i + ", counted from the question." : "I'm not sure, it might be " + i + ".", 40, 10,
                    new BigDecimal("0.0010")));
            outcomes.put("large", new RecordedOutcome(kind.equals("trivia") ? 0.0 : 1.0, "The answer is " + i
                    + ", worked out with care.", 40, 10, new BigDecimal("0.0200")));
            lines.add(new BenchmarkLine("synthetic/quiz/" + i, "synthetic", "quiz", prompt, null, outcomes));
        }
        return RecordedPrompt.of(lines, new RuleClassifier());
    }

    @Test
    void routellmRoutersLearnFromThePromptWhichKindNeedsTheStrongModel() {
        List<RecordedPrompt> prompts = prompts(180);
        for (String name : List.of(SimilarityWeightedRanking.NAME, LinearWinRate.NAME)) {
            List<RoutedPrompt> routed = BaselineRouting.crossValidate(prompts, Baseline.of(name, WORDS, SEED),
                    0.95, SEED, 5, List.of());
            RunTotals run = totals(routed);
            // Always large scores 5/6 at 0.0200 a prompt; small on the non-riddles and large on riddles scores 1.
            assertTrue(run.quality() >= 0.95, name + " quality " + run.quality());
            for (RoutedPrompt r : routed) {
                String text = r.prompt().view().prompt();
                assertEquals(1, r.operating().calls().size(), "a RouteLLM router makes one call");
                if (text.startsWith("A riddle") || text.startsWith("Trivia")) {
                    assertEquals(text.startsWith("A riddle") ? "large" : "small", r.operating().answeredBy(),
                            name + ": " + r.prompt().line().id());
                }
            }
        }
        // Similarity weighting counts ties as half a win, so it learns that sums need no strong model too; the
        // logistic regression, like RouteLLM's matrix factorisation, leaves ties out and cannot tell.
        List<RoutedPrompt> ranked = BaselineRouting.crossValidate(prompts, Baseline.of(SimilarityWeightedRanking
                .NAME, WORDS, SEED), 0.95, SEED, 5, List.of());
        assertEquals(1.0 / 3, totals(ranked).callShare("large"), 1e-9);
    }

    @Test
    void theGatedCascadeDraftsWithTheCheapModelAndEscalatesWhenTheDraftHedges() {
        List<RecordedPrompt> prompts = prompts(90);
        List<RoutedPrompt> routed = BaselineRouting.crossValidate(prompts,
                Baseline.of(GatedDraftCascade.NAME, null, SEED), 0.95, SEED, 5, List.of(0.7, 1.0));
        for (RoutedPrompt r : routed) {
            boolean riddle = r.prompt().view().prompt().startsWith("A riddle");
            Choice operating = r.operating();
            assertEquals("small", operating.calls().get(0), "the drafter is called first");
            // The hedging draft is escalated; the others, trivia included (where large is wrong), are kept.
            assertEquals(riddle ? List.of("small", "large") : List.of("small"), operating.calls());
            assertEquals(riddle ? "large" : "small", operating.answeredBy());
            assertEquals(2, r.ladder().size());
            assertEquals(List.of("small"), r.trace().at(0).calls(), "threshold 0 accepts every draft");
        }
        assertEquals(1.0, totals(routed).quality(), 1e-9);
    }

    @Test
    void refusesUnknownNamesAndEmbeddingBaselinesWithoutAnEmbedder() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.of("litellm", null, SEED))
                .getMessage().contains("routellm-sw, routellm-mf, cascadeflow-gate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.of("routellm-mf", null, SEED))
                .getMessage().contains("needs an embedder"));
    }

    private static RunTotals totals(List<RoutedPrompt> routed) {
        Map<BenchmarkLine, Choice> choices = new LinkedHashMap<>();
        routed.forEach(r -> choices.put(r.prompt().line(), r.operating()));
        return RunTotals.of(new ArrayList<>(choices.keySet()), choices::get);
    }
}
