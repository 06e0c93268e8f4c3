package org.rlmworkbench.graphview.view;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * Which nodes are shown: everything below a collapsed node is hidden, pruned nodes may be hidden,
 * and only the {@code topK} most visited children of each node may be kept. A node is shown when
 * its (first) parent is shown and expanded and the node passes the filters; roots are always shown.
 *
 * @param collapsed nodes whose subtrees are folded away
 * @param hidePruned whether pruned nodes (and so their subtrees) are hidden
 * @param topK children kept per node, ranked by visits, ties by id; 0 keeps all
 * @param kept nodes the best-k filter never leaves out (the path the search is on)
 */
public record ViewFilter(BitSet collapsed, boolean hidePruned, int topK, BitSet kept) {

    public ViewFilter(BitSet collapsed, boolean hidePruned, int topK) {
        this(collapsed, hidePruned, topK, new BitSet());
    }

    /** Visibility per node id. */
    public boolean[] visible(ReasoningGraph g) {
        int n = g.size();
        boolean[] v = new boolean[n];
        BitSet cut = topK > 0 ? beyondTopK(g) : new BitSet();
        // parents always have smaller ids than their first-parent children
        for (int i = 0; i < n; i++) {
            int p = g.parent(i);
            boolean ok = p < 0 || v[p] && !collapsed.get(p);
            if (ok && hidePruned && g.isPruned(i) && p >= 0) {
                ok = false;
            }
            if (ok && cut.get(i) && !kept.get(i)) {
                ok = false;
            }
            v[i] = ok;
        }
        return v;
    }

    private BitSet beyondTopK(ReasoningGraph g) {
        BitSet cut = new BitSet(g.size());
        List<Integer> kids = new ArrayList<>();
        for (int p = 0; p < g.size(); p++) {
            if (g.childCount(p) <= topK) {
                continue;
            }
            kids.clear();
            for (int c = g.firstChild(p); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
                kids.add(c);
            }
            kids.sort(Comparator.<Integer>comparingInt(g::visits).reversed().thenComparingInt(c -> c));
            for (int k = topK; k < kids.size(); k++) {
                cut.set(kids.get(k));
            }
        }
        return cut;
    }
}
