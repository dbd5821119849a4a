package dev.switchboard.core.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse vector of the hashed feature space: sorted bucket indexes and their values.
 */
public record SparseVector(int[] index, float[] value) {

    public SparseVector {
        if (index.length != value.length) {
            throw new IllegalArgumentException("index and value differ in length: " + index.length + " and "
                    + value.length);
        }
    }

    static SparseVector of(Map<Integer, Float> entries) {
        TreeMap<Integer, Float> sorted = new TreeMap<>(entries);
        int[] index = new int[sorted.size()];
        float[] value = new float[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> e : sorted.entrySet()) {
            index[i] = e.getKey();
            value[i++] = e.getValue();
        }
        return new SparseVector(index, value);
    }
}
