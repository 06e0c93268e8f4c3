package org.rlmworkbench.graphview.layout;

import java.util.Arrays;
import java.util.Objects;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * An immutable snapshot of what to lay out, safe to hand to a worker thread: for each node id its
 * first parent (-1 for roots) and its extra parents (DAG edges), and whether it is visible.
 *
 * @param parent first parent per node id, -1 for a root
 * @param extraParents further parents per node id (null or empty for most nodes)
 * @param visible whether a node takes part in the layout
 * @param order sibling order key per node id (smaller first), e.g. the id itself
 */
public record LayoutInput(int[] parent, int[][] extraParents, boolean[] visible, int[] order) {

    public LayoutInput {
        Objects.requireNonNull(parent, "parent is null");
        Objects.requireNonNull(visible, "visible is null");
        if (visible.length != parent.length) {
            throw new IllegalArgumentException("visible has " + visible.length + " entries, parent " + parent.length);
        }
    }

    /** Every node of {@code graph}, all visible, siblings in id order. */
    public static LayoutInput of(ReasoningGraph graph) {
        boolean[] all = new boolean[graph.size()];
        Arrays.fill(all, true);
        return of(graph, all);
    }

    /** The nodes of {@code graph} with the given visibility, siblings in id order. */
    public static LayoutInput of(ReasoningGraph graph, boolean[] visible) {
        int n = graph.size();
        int[] parent = new int[n];
        int[][] extra = null;
        for (int i = 0; i < n; i++) {
            parent[i] = graph.parent(i);
            if (graph.isAggregated(i)) {
                int[] all = graph.parents(i);
                if (all.length > 1) {
                    if (extra == null) {
                        extra = new int[n][];
                    }
                    extra[i] = Arrays.copyOfRange(all, 1, all.length);
                }
            }
        }
        return new LayoutInput(parent, extra, Arrays.copyOf(visible, n), null);
    }

    public int size() {
        return parent.length;
    }

    /** Extra parents of {@code id}, never null. */
    public int[] extras(int id) {
        int[] e = extraParents == null ? null : extraParents[id];
        return e == null ? new int[0] : e;
    }
}
