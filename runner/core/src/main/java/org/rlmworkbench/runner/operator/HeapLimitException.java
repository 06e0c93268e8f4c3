package org.rlmworkbench.runner.operator;

import java.util.Locale;

/**
 * The heap is nearly full: the run stops before Java runs out of memory, and keeps the tree so far.
 * The message names the node count and the heap.
 */
public final class HeapLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int nodes;

    public HeapLimitException(int nodes, long usedBytes, long maxBytes) {
        super(String.format(Locale.ROOT, "stopped at %,d nodes: the heap is %.0f%% full (%d of %d MiB, set by -Xmx)",
                nodes, 100.0 * usedBytes / maxBytes, usedBytes >> 20, maxBytes >> 20));
        this.nodes = nodes;
    }

    /** Nodes in the graph when the run stopped. */
    public int nodes() {
        return nodes;
    }
}
