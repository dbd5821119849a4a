package dev.switchboard.core.policy;

import dev.switchboard.core.eval.CostQuality;
import dev.switchboard.core.eval.QualityHull;
import dev.switchboard.core.eval.SingleModels;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Fits cascades on training prompts: which chains of models are worth trying, and each step's acceptance model,
 * trained to predict whether stopping there loses nothing against going to the end of the chain.
 */
final class CascadeFitter {

    /** The cheapest models are always tried as drafters, hull or not: two cheap models agreeing is cheap evidence. */
    private static final int CHEAP_DRAFTERS = 3;
    private static final int LONGEST_CHAIN = 3;

    private CascadeFitter() {
    }

    /**
     * Chains to try: every cost-ordered run of two or three models drawn from the models on the training hull of
     * single models plus the cheapest few.
     */
    static List<List<String>> chains(SingleModels singles, List<String> byCost) {
        List<CostQuality> vertices = QualityHull.of(singles.points()).vertices();
        Set<String> pool = new LinkedHashSet<>();
        for (String model : byCost) {
            boolean onHull = vertices.contains(singles.get(model).point());
            if (onHull || byCost.indexOf(model) < CHEAP_DRAFTERS) {
                pool.add(model);
            }
        }
        List<String> ordered = new ArrayList<>(pool);
        List<List<String>> chains = new ArrayList<>();
        extend(ordered, 0, new ArrayList<>(), chains);
        return chains;
    }

    private static void extend(List<String> pool, int from, List<String> chain, List<List<String>> out) {
        if (chain.size() >= 2) {
            out.add(List.copyOf(chain));
        }
        if (chain.size() == LONGEST_CHAIN) {
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            chain.add(pool.get(i));
            extend(pool, i + 1, chain, out);
            chain.remove(chain.size() - 1);
        }
    }

    /**
     * A cascade fitted on training prompts, with traces of those prompts made by acceptance models that did not
     * see them: calibrating and choosing on in-sample traces would promise more than new prompts give.
     *
     * @param honestTraces each training prompt's trace, from the inner fold that held it out
     */
    record Fitted(CascadeFamily family, Map<RecordedPrompt, DecisionTrace> honestTraces) {
    }

    /** The cascade on this chain, its acceptance models fitted on the prompts' recorded scores. */
    static Fitted fit(List<String> chain, List<RecordedPrompt> prompts, Set<Signal> signals, Evidence evidence,
                      double ridge, int innerFolds, long seed) {
        List<LogisticModel> blank = new ArrayList<>();
        for (int i = 0; i < chain.size() - 1; i++) {
            blank.add(new LogisticModel(new double[CascadeState.width(signals) + 1]));
        }
        boolean lastWord = endScore(new CascadeFamily(chain, blank, true, signals, evidence), prompts)
                >= endScore(new CascadeFamily(chain, blank, false, signals, evidence), prompts);
        Examples examples = Examples.of(new CascadeFamily(chain, blank, lastWord, signals, evidence), prompts);
        CascadeFamily full = new CascadeFamily(chain, examples.fit(p -> true, ridge), lastWord, signals, evidence);
        int[] fold = Folds.dealt(prompts.size(), innerFolds, seed);
        Map<RecordedPrompt, DecisionTrace> traces = new IdentityHashMap<>();
        for (int f = 0; f < innerFolds; f++) {
            int held = f;
            CascadeFamily without = new CascadeFamily(chain, examples.fit(p -> fold[p] != held, ridge), lastWord,
                    signals, evidence);
            for (int p = 0; p < prompts.size(); p++) {
                if (fold[p] == held) {
                    RecordedPrompt prompt = prompts.get(p);
                    traces.put(prompt, without.trace(prompt.view(), new RecordedAnswers(prompt.line())));
                }
            }
        }
        return new Fitted(full, traces);
    }

    /**
     * Per step, each training prompt's features and label: 1 when stopping at that step scores as well as going to
     * the end of the chain (escalating would not have helped), else 0.
     */
    private record Examples(double[][][] rows, double[][] labels) {

        static Examples of(CascadeFamily shape, List<RecordedPrompt> prompts) {
            int steps = shape.chain().size() - 1;
            double[][][] rows = new double[steps][prompts.size()][];
            double[][] labels = new double[steps][prompts.size()];
            for (int p = 0; p < prompts.size(); p++) {
                RecordedPrompt prompt = prompts.get(p);
                RecordedAnswers answers = new RecordedAnswers(prompt.line());
                List<AnswerReading> called = new ArrayList<>();
                List<CascadeState> states = new ArrayList<>();
                for (String model : shape.chain()) {
                    called.add(shape.evidence().read(prompt.view(), answers.call(model)));
                    states.add(shape.state(prompt.view(), called));
                }
                double end = prompt.score(states.get(steps).answeredBy());
                for (int i = 0; i < steps; i++) {
                    rows[i][p] = states.get(i).features();
                    labels[i][p] = prompt.score(states.get(i).answeredBy()) >= end - 1e-9 ? 1 : 0;
                }
            }
            return new Examples(rows, labels);
        }

        /** One acceptance model per step, fitted on the prompts {@code use} admits. */
        List<LogisticModel> fit(IntPredicate use, double ridge) {
            List<LogisticModel> models = new ArrayList<>();
            for (int step = 0; step < rows.length; step++) {
                List<double[]> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (int p = 0; p < rows[step].length; p++) {
                    if (use.test(p)) {
                        x.add(rows[step][p]);
                        y.add(labels[step][p]);
                    }
                }
                models.add(LogisticModel.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue)
                        .toArray(), ridge));
            }
            return models;
        }
    }

    /** The summed score at the end of the chain, where every model has been called. */
    private static double endScore(CascadeFamily cascade, List<RecordedPrompt> prompts) {
        double sum = 0;
        for (RecordedPrompt prompt : prompts) {
            sum += prompt.score(cascade.trace(prompt.view(), new RecordedAnswers(prompt.line()))
                    .at(Double.POSITIVE_INFINITY).answeredBy());
        }
        return sum;
    }
}
