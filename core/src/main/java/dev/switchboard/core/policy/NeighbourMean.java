package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The k-nearest-neighbours estimate shared by the prompt predictors: the similarity-weighted mean of the targets of
 * the {@code k} training examples most similar to a query, shrunk towards the mean target of the query's task (of all
 * examples for a task never seen). A target is any fixed-length row of numbers per example — every model's score —
 * and the similarity any measure where larger is closer; the predictors differ only in how they compute it.
 */
public final class NeighbourMean {

    /** A training example and its similarity to the query. */
    public record Neighbour(int example, double similarity) {
    }

    private final List<double[]> targets;
    private final int width;
    private final int neighbours;
    private final double priorWeight;
    private final Map<String, double[]> taskMeans = new HashMap<>();
    private final Map<String, int[]> taskExamples = new HashMap<>();
    private final double[] overallMeans;
    private final Map<String, double[]> meansWithout = new HashMap<>();

    /**
     * @param tasks       each example's task
     * @param targets     each example's targets, all of length {@code width}
     * @param neighbours  k
     * @param priorWeight how strongly the estimate shrinks towards the task mean, in similarity units
     */
    public NeighbourMean(List<String> tasks, List<double[]> targets, int width, int neighbours, double priorWeight) {
        if (tasks.size() != targets.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks for " + targets.size() + " examples");
        }
        this.targets = List.copyOf(targets);
        this.width = width;
        this.neighbours = neighbours;
        this.priorWeight = priorWeight;
        double[] unknown = new double[width];
        Arrays.fill(unknown, 0.5);
        this.overallMeans = means(tasks, task -> true, unknown);
        tasks.stream().distinct().forEach(task -> {
            taskMeans.put(task, means(tasks, task::equals, unknown));
            meansWithout.put(task, means(tasks, other -> !other.equals(task), overallMeans));
            taskExamples.put(task, IntStream.range(0, tasks.size()).filter(e -> task.equals(tasks.get(e))).toArray());
        });
    }

    /** The examples of a task, in example order; null for a task without examples. */
    public int[] examplesOf(String task) {
        int[] examples = taskExamples.get(task);
        return examples == null ? null : examples.clone();
    }

    /**
     * The estimate for a query.
     *
     * @param similarities the query's similarity to every example, in example order
     * @param excluded     an example to leave out (the query itself, for leave-one-out), or -1
     */
    public double[] estimate(double[] similarities, String task, int excluded) {
        return estimate(similarities, taskMeans.getOrDefault(task, overallMeans), e -> e == excluded);
    }

    /**
     * The estimate for a query of a training task as if that task had never been seen: its examples are left out,
     * and the estimate shrinks towards the mean of the other tasks' examples. What a router's policy for unseen
     * tasks is fitted on.
     */
    public double[] estimateWithoutTask(double[] similarities, String task) {
        int[] own = taskExamples.getOrDefault(task, new int[0]);
        BitSet skip = new BitSet(targets.size());
        for (int e : own) {
            skip.set(e);
        }
        return estimate(similarities, meansWithout.getOrDefault(task, overallMeans), skip::get);
    }

    private double[] estimate(double[] similarities, double[] prior, IntPredicate skipped) {
        double[] sum = new double[width];
        double weight = 0;
        for (Neighbour n : nearest(similarities, skipped)) {
            double[] row = targets.get(n.example());
            for (int i = 0; i < width; i++) {
                sum[i] += n.similarity() * row[i];
            }
            weight += n.similarity();
        }
        double[] estimate = new double[width];
        for (int i = 0; i < width; i++) {
            estimate[i] = (sum[i] + priorWeight * prior[i]) / (weight + priorWeight);
        }
        return estimate;
    }

    /**
     * The k most similar examples with a positive similarity, most similar first; ties go to the earlier example, so
     * runs repeat.
     */
    public List<Neighbour> nearest(double[] similarities, int excluded) {
        return nearest(similarities, e -> e == excluded);
    }

    private List<Neighbour> nearest(double[] similarities, IntPredicate skipped) {
        Comparator<Neighbour> closer = Comparator.comparingDouble(Neighbour::similarity)
                .thenComparing(Neighbour::example, Comparator.reverseOrder());
        PriorityQueue<Neighbour> top = new PriorityQueue<>(closer);
        for (int i = 0; i < similarities.length; i++) {
            if (skipped.test(i) || !(similarities[i] > 0)) {
                continue;
            }
            // Once k are held, only a closer example gets in (a later one with the same similarity does not).
            if (top.size() < neighbours || similarities[i] > top.peek().similarity()) {
                top.add(new Neighbour(i, similarities[i]));
                if (top.size() > neighbours) {
                    top.poll();
                }
            }
        }
        List<Neighbour> nearest = new ArrayList<>(top);
        nearest.sort(closer.reversed());
        return nearest;
    }

    /** The mean targets of the examples whose task {@code counts}; {@code none} when there are none. */
    private double[] means(List<String> tasks, Predicate<String> counts, double[] none) {
        double[] sum = new double[width];
        int n = 0;
        for (int e = 0; e < targets.size(); e++) {
            if (counts.test(tasks.get(e))) {
                for (int i = 0; i < width; i++) {
                    sum[i] += targets.get(e)[i];
                }
                n++;
            }
        }
        if (n == 0) {
            return none;
        }
        for (int i = 0; i < width; i++) {
            sum[i] /= n;
        }
        return sum;
    }
}
