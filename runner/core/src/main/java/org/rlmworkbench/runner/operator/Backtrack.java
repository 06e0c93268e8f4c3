package org.rlmworkbench.runner.operator;

import java.util.Arrays;
import org.rlmworkbench.runner.event.Backtracked;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The Backtrack operator (traversal): a node that is a dead end (a wrong terminal, pruned, valued
 * below the threshold, or with every child tried) is left for the nearest ancestor that still has
 * an untried child (or simply its parent). Other nodes pass on unchanged. When no ancestor has
 * anything left the node is dropped: the search is exhausted.
 */
public record Backtrack(boolean toParent, double threshold) implements Operator {

    static Backtrack from(Params p) {
        return new Backtrack(p.choice("mode").equals("parent"), p.real("threshold"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        int[] out = new int[input.length];
        int n = 0;
        for (int node : input) {
            if (!deadEnd(ctx, node)) {
                out[n++] = node;
                continue;
            }
            int to = g.parent(node);
            if (!toParent) {
                while (to != ReasoningGraph.NONE && !hasUntried(ctx, to)) {
                    to = g.parent(to);
                }
            }
            ctx.emit(new Backtracked(node, to));
            if (to != ReasoningGraph.NONE) {
                out[n++] = to;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private boolean deadEnd(RunContext ctx, int node) {
        ReasoningGraph g = ctx.graph();
        if (g.isSolved(node)) {
            return false;
        }
        if (g.isTerminal(node) || g.isPruned(node)) {
            return true;
        }
        double v = g.value(node);
        if (!Double.isNaN(v) && v < threshold) {
            return true;
        }
        return g.isExpanded(node) && !hasUntried(ctx, node);
    }

    private boolean hasUntried(RunContext ctx, int node) {
        ReasoningGraph g = ctx.graph();
        if (!g.isExpanded(node)) {
            return !g.isTerminal(node);
        }
        for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (!g.isPruned(c) && !g.isInvalid(c) && !ctx.tried().get(c)) {
                return true;
            }
        }
        return false;
    }
}
