package dev.switchboard.core.baseline;

import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.policy.DecisionTrace;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.TextEmbedder;

import java.util.List;
import java.util.Locale;

/**
 * A competitor's routing approach rebuilt on the evaluator's terms, so that it runs on the same recorded prompts,
 * folds, calibration and metrics as Switchboard's own policies ({@code ./switchboard eval --baseline NAME}). Each
 * decides a prompt at every setting of one threshold; like every policy it may read the prompt and the answers of
 * the models it calls, never a score. These are rebuilt from the competitors' published method, not their code.
 */
public sealed interface Baseline permits SimilarityWeightedRanking, LinearWinRate, GatedDraftCascade {

    /** The names {@link #of} knows, in the order the docs list them. */
    List<String> NAMES = List.of(SimilarityWeightedRanking.NAME, LinearWinRate.NAME, GatedDraftCascade.NAME);

    /** A short name for reports and the command line. */
    String name();

    /** One line for the report: what it is and how it was rebuilt. */
    String description();

    /** Whether it reads prompt embeddings (then {@link #of} needs an embedder). */
    default boolean needsEmbedder() {
        return needsEmbedder(name());
    }

    /**
     * Fitted on one task's training prompts (scored).
     *
     * @param singles each model's run on those prompts (which is best, which cheapest)
     * @param level   the quality the operating point will be calibrated to, for a baseline that chooses its setup
     *                by it (the gated cascade's drafter); the fit is also calibrated to other levels as is
     */
    Fitted fit(List<RecordedPrompt> train, SingleModels singles, double level);

    /** A baseline fitted on a task's training prompts. */
    interface Fitted {

        /** The decisions at every threshold for a prompt it was not fitted on. */
        DecisionTrace trace(RecordedPrompt prompt);

        /**
         * The decisions at every threshold for one of its training prompts, by a fit that did not see that prompt:
         * what calibration reads, so that the operating point is not set on answers the fit already knows. As
         * {@link #trace} for a fit that learns nothing from the prompts' scores.
         */
        default DecisionTrace honestTrace(RecordedPrompt prompt) {
            return trace(prompt);
        }
    }

    /**
     * The baseline of this name.
     *
     * @param embedder the prompt embedder, for the baselines that read embeddings; may be null for the others
     * @throws IllegalArgumentException for an unknown name, or a missing embedder
     */
    static Baseline of(String name, TextEmbedder embedder, long seed) {
        Baseline baseline = switch (known(name)) {
            case SimilarityWeightedRanking.NAME -> new SimilarityWeightedRanking(embedder);
            case LinearWinRate.NAME -> new LinearWinRate(embedder, seed);
            default -> new GatedDraftCascade();
        };
        if (baseline.needsEmbedder() && embedder == null) {
            throw new IllegalArgumentException("the " + name + " baseline reads prompt embeddings: it needs an "
                    + "embedder");
        }
        return baseline;
    }

    /** Whether this baseline reads prompt embeddings, by name (before one is built). */
    static boolean needsEmbedder(String name) {
        return !known(name).equals(GatedDraftCascade.NAME);
    }

    /**
     * The name as {@link #NAMES} spells it.
     *
     * @throws IllegalArgumentException for a name no baseline has
     */
    static String known(String name) {
        String normal = name.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(normal)) {
            throw new IllegalArgumentException("unknown baseline '" + name + "', known: " + String.join(", ", NAMES));
        }
        return normal;
    }
}
