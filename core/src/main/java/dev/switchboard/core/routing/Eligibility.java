package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.Capability;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.WireEnum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The hard constraints a model must meet to serve a request, applied in a fixed order so that when none is
 * left the constraint that removed the last candidates can be named. The complexity tier's quality floor is not
 * one of them: it is a target that gives way to the best model when none reaches it ({@link QualityTarget}).
 */
final class Eligibility {

    private final List<Constraint> constraints;

    private Eligibility(List<Constraint> constraints) {
        this.constraints = constraints;
    }

    /**
     * Constraints in order: capabilities, context window, then the caller's min_quality (on each candidate's
     * predicted quality, else its catalog quality), max_cost_usd and max_latency_ms.
     */
    static Eligibility of(Classification classification, RoutingHints hints) {
        List<Constraint> list = new ArrayList<>();
        for (String name : new LinkedHashSet<>(Optional.ofNullable(classification.requiredCapabilities())
                .orElse(List.of()))) {
            list.add(capability(name));
        }
        int in = Math.max(0, classification.inputTokens());
        int out = Math.max(0, classification.estimatedOutputTokens());
        list.add(new Constraint("context window >= " + (in + out) + " tokens", false,
                e -> e.model().contextWindow() >= in + out && e.model().maxOutputTokens() >= out,
                best(Comparator.comparingInt(e -> e.model().contextWindow()),
                        e -> "largest: " + e.model().id() + " with " + e.model().contextWindow() + " tokens")));
        if (hints.minQuality() != null) {
            list.add(quality("min_quality=" + Candidate.twoPlaces(hints.minQuality()), hints.minQuality()));
        }
        if (hints.maxCostUsd() != null) {
            BigDecimal max = hints.maxCostUsd();
            list.add(new Constraint("max_cost_usd=" + max.stripTrailingZeros().toPlainString(), true,
                    e -> e.costUsd().compareTo(max) <= 0,
                    best(Comparator.comparing(Candidate::costUsd).reversed(),
                            e -> "cheapest: " + e.model().id() + " at " + CallEstimate.usd(e.costUsd()) + " est.")));
        }
        if (hints.maxLatencyMs() != null) {
            long max = hints.maxLatencyMs();
            list.add(new Constraint("max_latency_ms=" + max, true, e -> e.latencyMs() <= max,
                    best(Comparator.comparingLong(Candidate::latencyMs).reversed(),
                            e -> "fastest: " + e.model().id() + " at ~" + e.latencyMs() + " ms est.")));
        }
        return new Eligibility(List.copyOf(list));
    }

    /** Applies every constraint in order; stops at the first that leaves no candidate. */
    Outcome apply(List<Candidate> candidates) {
        List<Candidate> remaining = candidates;
        List<Constraint> passed = new ArrayList<>();
        for (Constraint constraint : constraints) {
            List<Candidate> kept = remaining.stream().filter(constraint.test()).toList();
            if (kept.isEmpty()) {
                return new Outcome(List.of(), passed, rejection(constraint, passed, remaining));
            }
            remaining = kept;
            passed.add(constraint);
        }
        return new Outcome(remaining, passed, null);
    }

    /** The labels of the constraints worth telling the caller about, joined for a rationale: {@code json+...}. */
    String shownLabels() {
        return String.join("+", constraints.stream().filter(Constraint::shown).map(Constraint::label).toList());
    }

    private static String rejection(Constraint binding, List<Constraint> passed, List<Candidate> remaining) {
        String meeting = passed.isEmpty() ? ""
                : " that meet " + String.join(", ", passed.stream().map(Constraint::label).toList());
        return "no eligible model: " + binding.label() + " excludes all " + remaining.size() + " candidate models"
                + meeting + " (" + binding.nearestMiss().apply(remaining) + ")";
    }

    private static Constraint capability(String name) {
        Optional<Capability> capability = WireEnum.parse(Capability.class, name);
        if (capability.isEmpty()) {
            return new Constraint(name, true, e -> false,
                    none -> "'" + name + "' is not a capability this build knows: "
                            + WireEnum.choices(Capability.class));
        }
        Capability c = capability.get();
        return new Constraint(c.wire(), true, e -> e.model().supports(c), none -> "no model supports " + c.wire());
    }

    /** Not shown in a rationale: the caller's min_quality is also the quality target, which the rationale names. */
    private static Constraint quality(String label, double min) {
        return new Constraint(label, false, e -> e.quality() >= min,
                best(Comparator.comparingDouble(Candidate::quality),
                        e -> "best: " + e.id() + " at " + e.describeQuality()));
    }

    /** Describes the candidate that came closest, by the given order (the largest is closest). */
    private static Function<List<Candidate>, String> best(Comparator<Candidate> closeness,
                                                          Function<Candidate, String> describe) {
        return remaining -> remaining.stream().max(closeness).map(describe).orElse("no candidates");
    }

    /**
     * One hard constraint.
     *
     * @param shown       whether the rationale of a plan names it (the context window always applies, so it
     *                    would only add noise)
     * @param nearestMiss what the closest candidate offered, for the rejection message
     */
    record Constraint(String label, boolean shown, Predicate<Candidate> test,
                      Function<List<Candidate>, String> nearestMiss) {
    }

    /**
     * @param eligible  the candidates meeting every constraint, in catalog order; empty when rejected
     * @param rejection why none is eligible, naming the binding constraint; null when some are
     */
    record Outcome(List<Candidate> eligible, List<Constraint> passed, String rejection) {
    }
}
