package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodesAggregated;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The Aggregate operator (structure), which turns the tree into a DAG. {@code vote}: the terminal
 * nodes of the working set vote with their answers; a new node holding the majority answer gets
 * every node that voted for it as a parent (self-consistency). {@code merge}: nodes with equal
 * states become one; the first keeps its place and gains the others' parents, the others are
 * pruned (Graph of Thoughts' aggregation, and transpositions).
 */
public record Aggregate(boolean vote) implements Operator {

    static Aggregate from(Params p) {
        return new Aggregate(p.choice("mode").equals("vote"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        return vote ? vote(ctx, input) : merge(ctx, input);
    }

    private int[] vote(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        Map<String, List<Integer>> byAnswer = new LinkedHashMap<>();
        for (int n : input) {
            if (g.isTerminal(n) && !g.isPruned(n) && !g.isInvalid(n)) {
                byAnswer.computeIfAbsent(ctx.problem().answer(g.state(n)), a -> new ArrayList<>()).add(n);
            }
        }
        if (byAnswer.isEmpty()) {
            return input;
        }
        Map.Entry<String, List<Integer>> top = null;
        int voters = 0;
        for (Map.Entry<String, List<Integer>> e : byAnswer.entrySet()) {
            voters += e.getValue().size();
            if (top == null || e.getValue().size() > top.getValue().size()) {
                top = e;
            }
        }
        List<Integer> members = top.getValue();
        int first = members.get(0);
        String text = "majority answer " + top.getKey() + " (" + members.size() + " of " + voters + " votes)";
        Object state = g.state(first);
        int target = g.addChild(first, text, state, 1.0, true);
        ctx.emit(new NodeAdded(target, first, g.depth(target), text, ctx.problem().encodeState(state), 1.0, true));
        int[] sources = members.stream().mapToInt(Integer::intValue).toArray();
        for (int s : sources) {
            g.addParent(target, s);
        }
        g.markAggregated(target);
        ctx.emit(new NodesAggregated(target, sources, "vote", top.getKey()));
        return new int[] {target};
    }

    private int[] merge(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        Map<String, List<Integer>> byState = new LinkedHashMap<>();
        for (int n : input) {
            if (!g.isPruned(n) && !g.isInvalid(n)) {
                byState.computeIfAbsent(ctx.problem().stateKey(g.state(n)), k -> new ArrayList<>()).add(n);
            }
        }
        int[] out = new int[byState.size()];
        int i = 0;
        for (List<Integer> group : byState.values()) {
            int target = group.get(0);
            out[i++] = target;
            if (group.size() == 1) {
                continue;
            }
            int[] sources = group.subList(1, group.size()).stream().mapToInt(Integer::intValue).toArray();
            for (int s : sources) {
                g.addParent(target, g.parent(s));
            }
            g.markAggregated(target);
            ctx.emit(new NodesAggregated(target, sources, "merge", null));
            for (int s : sources) {
                g.markPruned(s);
                ctx.emit(new NodePruned(s, "merged into #" + target + " (same state)"));
            }
        }
        return out;
    }
}
