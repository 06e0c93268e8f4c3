package org.rlmworkbench.runner.operator;


/**
 * Stops a growing search before the heap is gone: every few thousand nodes it looks at the used
 * heap, and when that stays above {@link #LIMIT} of the maximum even after a collection, it throws
 * {@link HeapLimitException}. Checking costs nothing between checks; the collection only happens
 * near the limit.
 */
final class MemoryGuard {

    /** The share of the maximum heap a run may fill. */
    static final double LIMIT = 0.85;
    private static final int EVERY = 4096;

    private final Runtime runtime = Runtime.getRuntime();
    private int nextCheck = EVERY;

    /** Throws when the heap is nearly full; {@code nodes} is the graph's size, for the message. */
    void check(int nodes) {
        if (nodes < nextCheck) {
            return;
        }
        nextCheck = nodes + EVERY;
        long max = runtime.maxMemory();
        if (max == Long.MAX_VALUE) {
            return;
        }
        if (used() < LIMIT * max) {
            return;
        }
        System.gc(); // what looked full may be garbage
        long used = used();
        if (used >= LIMIT * max) {
            throw new HeapLimitException(nodes, used, max);
        }
    }

    private long used() {
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
