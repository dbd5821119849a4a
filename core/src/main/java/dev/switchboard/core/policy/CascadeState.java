package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a cascade stands after calling some models on a prompt: which answer it would return now and the features
 * it judges that answer by.
 *
 * @param answeredBy the model whose answer would be returned: the latest called model of the final answer most
 *                   of them agree on (the latest called model when there is nothing to compare, or when it has the
 *                   last word)
 */
record CascadeState(String answeredBy, double[] features) {

    /** The state after the answers read so far (cheapest called first). */
    static CascadeState of(List<AnswerReading> called, AnswerFormat format, Map<String, Double> prior,
                           PromptView prompt, int questionChars, Set<Signal> signals, boolean lastWord) {
        int chosen = lastWord ? called.size() - 1 : candidate(called, format);
        AnswerReading answer = called.get(chosen);
        List<Double> row = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            if (!signals.contains(signal)) {
                continue;
            }
            switch (signal) {
                case PRIOR -> row.add(logit(prior.getOrDefault(answer.model(), 0.5)) / 4);
                case GATE -> row.add(answer.gatePenalty());
                case FINAL_ANSWER -> row.add(answer.statedAsAsked() ? 0.0 : 1.0);
                case ARITHMETIC -> row.add(answer.arithmeticSlips() > 0 ? 1.0 : 0.0);
                case AGREEMENT -> row.add(agreement(called, answer));
                case LENGTH -> {
                    row.add(Math.log1p(answer.chars()));
                    row.add(Math.log1p(prompt.text().length()));
                    row.add(Math.log1p(questionChars));
                }
            }
        }
        return new CascadeState(answer.model(), row.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Index of the answer to return among the called ones. */
    static int candidate(List<AnswerReading> called, AnswerFormat format) {
        int last = called.size() - 1;
        if (!format.comparable()) {
            return last;
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        called.stream().map(AnswerReading::finalAnswer).filter(a -> a != null).forEach(a -> votes.merge(a, 1,
                Integer::sum));
        int best = -1;
        int bestVotes = 0;
        // Later (stronger) models win ties, so scan from the last called one.
        for (int i = last; i >= 0; i--) {
            String answer = called.get(i).finalAnswer();
            if (answer != null && votes.get(answer) > bestVotes) {
                best = i;
                bestVotes = votes.get(answer);
            }
        }
        return best < 0 ? last : best;
    }

    /** A few-shot prompt's own question is its last paragraph; the worked examples before it are the same for all. */
    static String lastParagraph(String text) {
        String[] paragraphs = text.strip().split("\\R\\s*\\R");
        return paragraphs[paragraphs.length - 1];
    }

    private static double agreement(List<AnswerReading> called, AnswerReading answer) {
        if (called.size() < 2 || answer.finalAnswer() == null) {
            return 0;
        }
        long same = called.stream().filter(r -> answer.finalAnswer().equals(r.finalAnswer())).count() - 1;
        return same / (double) (called.size() - 1);
    }

    private static double logit(double p) {
        double q = Math.max(0.01, Math.min(0.99, p));
        return Math.log(q / (1 - q));
    }

    /** The width of a feature row for these signals. */
    static int width(Set<Signal> signals) {
        return signals.stream().mapToInt(Signal::width).sum();
    }
}
