package dev.switchboard.core.resilience;

import java.util.Arrays;

/** Calls and failures over a sliding time window, in ten fixed buckets whatever the call rate. */
final class OutcomeWindow {

    private static final int BUCKETS = 10;

    /** Calls and failures in the window. */
    record Counts(int calls, int failures) {
    }

    private final long bucketNanos;
    private final long[] bucketIndex = new long[BUCKETS];
    private final int[] calls = new int[BUCKETS];
    private final int[] failures = new int[BUCKETS];

    OutcomeWindow(long windowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        clear();
    }

    void record(long now, boolean failed) {
        long index = Math.floorDiv(now, bucketNanos);
        int slot = (int) Math.floorMod(index, (long) BUCKETS);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            calls[slot] = 0;
            failures[slot] = 0;
        }
        calls[slot]++;
        if (failed) {
            failures[slot]++;
        }
    }

    Counts counts(long now) {
        long newest = Math.floorDiv(now, bucketNanos);
        int totalCalls = 0;
        int totalFailures = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (bucketIndex[slot] > newest - BUCKETS && bucketIndex[slot] <= newest) {
                totalCalls += calls[slot];
                totalFailures += failures[slot];
            }
        }
        return new Counts(totalCalls, totalFailures);
    }

    void clear() {
        Arrays.fill(bucketIndex, Long.MIN_VALUE);
        Arrays.fill(calls, 0);
        Arrays.fill(failures, 0);
    }
}
