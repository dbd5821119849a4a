package dev.switchboard.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Inner folds for fitting on some training prompts and judging on the others. */
public final class Folds {

    private Folds() {
    }

    /**
     * The fold of each of {@code count} items: a seeded shuffle dealt in turn, since file order can be periodic or
     * sorted (by subject, by difficulty).
     */
    public static int[] dealt(int count, int folds, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            order.add(p);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[count];
        for (int i = 0; i < count; i++) {
            fold[order.get(i)] = i % folds;
        }
        return fold;
    }
}
