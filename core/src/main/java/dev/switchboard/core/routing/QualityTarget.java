package dev.switchboard.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The threshold rule: the first model, in order of preference, whose predicted quality reaches the target; when
 * none does, the best-predicted one. With models ordered cheapest first this is "the cheapest model that is good
 * enough". The live router ({@link StrategyPolicy}) and the offline evaluator's threshold policy
 * ({@code policy.ThresholdFamily}) both decide through {@link #pick}, so what the evaluator measures is what the
 * service does.
 */
public final class QualityTarget {

    private QualityTarget() {
    }

    /**
     * The first of {@code preferred} whose quality is at least {@code target}; when none is, the one with the
     * highest quality (the earliest of those on a tie).
     *
     * @param preferred non-empty, most preferred first
     */
    public static <T> T pick(List<T> preferred, ToDoubleFunction<T> quality, double target) {
        return pick(preferred, quality, target, null);
    }

    /**
     * {@link #pick}, but when no candidate reaches the target, {@code otherwise} (when not null) instead of the
     * best-predicted one: for predictions not trusted to rank the models, as on a kind of prompt never trained on.
     */
    public static <T> T pick(List<T> preferred, ToDoubleFunction<T> quality, double target, T otherwise) {
        for (T candidate : preferred) {
            if (quality.applyAsDouble(candidate) >= target) {
                return candidate;
            }
        }
        return otherwise != null ? otherwise : best(preferred, quality);
    }

    /** The candidate with the highest quality, the earliest of those on a tie. */
    public static <T> T best(List<T> preferred, ToDoubleFunction<T> quality) {
        if (preferred.isEmpty()) {
            throw new IllegalArgumentException("no candidates to choose from");
        }
        T best = preferred.get(0);
        for (T candidate : preferred) {
            if (quality.applyAsDouble(candidate) > quality.applyAsDouble(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * {@link #pick} first, then the candidates on the same side of the target: those reaching it in order of
     * preference, or, when none does, the rest by quality (highest first, preference order on ties). A plan's
     * fallbacks come from here, so failing over never drops below a target the primary met.
     */
    public static <T> List<T> rank(List<T> preferred, ToDoubleFunction<T> quality, double target) {
        T first = pick(preferred, quality, target);
        boolean reached = quality.applyAsDouble(first) >= target;
        List<T> ranked = new ArrayList<>();
        ranked.add(first);
        List<T> rest = preferred.stream()
                .filter(c -> c != first && (!reached || quality.applyAsDouble(c) >= target))
                .toList();
        if (!reached) {
            rest = rest.stream().sorted(Comparator.comparingDouble(quality).reversed()).toList();
        }
        ranked.addAll(rest);
        return List.copyOf(ranked);
    }
}
