package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;
import org.rlmworkbench.runner.event.LeavesSelected;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.VirtualLoss;
import org.rlmworkbench.runner.operator.selection.PriorFreePuctSelection;
import org.rlmworkbench.runner.operator.selection.PuctSelection;
import org.rlmworkbench.runner.operator.selection.SelectionRule;
import org.rlmworkbench.runner.operator.selection.UctSelection;

/**
 * The Select operator (traversal). With scope {@code tree} it descends from the root to a leaf,
 * choosing at each level the child with the best score under a tree policy (PUCT, UCT, x1's
 * prior-free PUCT) or by greedy, top-k or sampled choice; with scope {@code input} it chooses
 * within the working set; with scope {@code children} among each working-set node's children
 * (a node without an eligible child passes itself on, so Backtrack can see the dead end).
 * Pruned nodes and invalid (model-written, rejected) steps are never chosen. Every choice is reported with each candidate's terms.
 *
 * <p>With {@code batch} B > 1 (scope {@code tree}) it descends B times and passes the distinct leaves
 * on together, so that Generate and Evaluate serve them in one call (one forward pass, one burst of
 * requests). After each descent the path carries a virtual loss ({@code virtual_loss} = n_vl visits of
 * value -1 per simulation in flight, {@link VirtualLoss}) that the next descent's rule reads, and that
 * Backpropagate takes back before the real value goes up. B = 1 is plain MCTS, event for event.
 */
public record Select(String nodeId, String rule, Scope scope, SelectionRule treeRule, Metric by, int k,
                     double temperature, boolean unvisitedOnly, int batch, VirtualLoss virtualLoss)
        implements Operator {

    /** Where Select looks. */
    public enum Scope { TREE, INPUT, CHILDREN }

    static Select from(Params p) {
        String rule = p.choice("rule");
        SelectionRule tree = switch (rule) {
            case "puct" -> new PuctSelection(p.real("c"));
            case "uct" -> new UctSelection(p.real("c"));
            case "prior_free_puct" -> new PriorFreePuctSelection(p.real("c1"), p.real("c2"));
            default -> null;
        };
        return new Select(p.nodeId(), rule, Scope.valueOf(p.choice("scope").toUpperCase(java.util.Locale.ROOT)),
                tree, Metric.parse(p.choice("by")), p.integer("k"), p.real("temperature"), p.flag("unvisited_only"),
                p.integer("batch"), VirtualLoss.alphaZero(p.integer("virtual_loss")));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        return switch (scope) {
            case TREE -> batch > 1 ? selectBatch(ctx) : new int[] {descend(ctx, null)};
            case INPUT -> choose(ctx, ReasoningGraph.NONE, eligible(ctx, input), treeRule == null ? k : 1);
            case CHILDREN -> {
                int[] out = new int[input.length];
                int n = 0;
                for (int node : input) {
                    int[] kids = eligibleChildren(ctx, node);
                    if (kids.length == 0) {
                        out[n++] = node;
                        continue;
                    }
                    for (int c : choose(ctx, node, kids, treeRule == null ? k : 1)) {
                        out = ensure(out, n + 1);
                        out[n++] = c;
                    }
                }
                yield Arrays.copyOf(out, n);
            }
        };
    }

    /**
     * Descends from the root to a leaf by the rule; records the descent (leaf first) in {@code path}
     * when one is given.
     */
    private int descend(RunContext ctx, List<Integer> path) {
        ReasoningGraph g = ctx.graph();
        int node = g.root();
        if (path != null) {
            path.add(node);
        }
        while (!g.isTerminal(node) && g.hasChildren(node)) {
            int[] kids = eligibleChildren(ctx, node);
            if (kids.length == 0) {
                break;
            }
            node = choose(ctx, node, kids, 1)[0];
            if (path != null) {
                path.add(0, node);
            }
        }
        return node;
    }

    /**
     * B descents, each leaving a virtual loss on its path; the distinct leaves in the order first
     * reached. A descent that ends on a leaf already chosen (a collision) adds its virtual loss too,
     * which steers the next one away, but not the leaf a second time.
     */
    private int[] selectBatch(RunContext ctx) {
        // whatever an earlier iteration left in flight (no Backpropagate after this Select) goes first
        ctx.virtualLosses().takeBackAll(ctx::emit);
        int[] leaves = new int[batch];
        int n = 0;
        List<Integer> path = new ArrayList<>();
        for (int d = 0; d < batch; d++) {
            path.clear();
            int leaf = descend(ctx, path);
            ctx.virtualLosses().add(path.stream().mapToInt(Integer::intValue).toArray(), virtualLoss, ctx::emit);
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = leaves[i] == leaf;
            }
            if (!seen) {
                leaves[n++] = leaf;
            }
        }
        int[] out = Arrays.copyOf(leaves, n);
        ctx.emit(new LeavesSelected(nodeId, out.clone(), batch));
        return out;
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    private int[] eligible(RunContext ctx, int[] nodes) {
        int[] out = new int[nodes.length];
        int n = 0;
        for (int c : nodes) {
            if (!ctx.graph().isPruned(c) && !ctx.graph().isInvalid(c) && !(unvisitedOnly && ctx.tried().get(c))) {
                out[n++] = c;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private int[] eligibleChildren(RunContext ctx, int node) {
        ReasoningGraph g = ctx.graph();
        int count = 0;
        for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (!g.isPruned(c) && !g.isInvalid(c) && !(unvisitedOnly && ctx.tried().get(c))) {
                count++;
            }
        }
        int[] out = new int[count];
        int i = 0;
        for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (!g.isPruned(c) && !g.isInvalid(c) && !(unvisitedOnly && ctx.tried().get(c))) {
                out[i++] = c;
            }
        }
        return out;
    }

    /** Chooses {@code howMany} of {@code candidates}, reports the choice, and returns it. */
    private int[] choose(RunContext ctx, int parent, int[] candidates, int howMany) {
        if (candidates.length == 0) {
            return candidates;
        }
        ReasoningGraph g = ctx.graph();
        int parentVisits;
        if (parent != ReasoningGraph.NONE) {
            parentVisits = virtualLoss.visits(g.visits(parent), g.inFlight(parent));
        } else {
            parentVisits = 0;
            for (int c : candidates) {
                parentVisits += g.visits(c);
            }
        }
        // columns, not a Candidate per child: this loop runs for every child at every level
        CandidateList.Builder rows = new CandidateList.Builder(candidates.length);
        if (treeRule != null) {
            double parentTerm = treeRule.parentTerm(parentVisits);
            for (int i = 0; i < candidates.length; i++) {
                int c = candidates[i];
                // the statistics with the batch's virtual loss: the real ones when nothing is in flight
                int f = g.inFlight(c);
                treeRule.scoreInto(rows, i, c, virtualLoss.q(g.q(c), g.visits(c), f), g.prior(c),
                        virtualLoss.visits(g.visits(c), f), parentVisits, parentTerm);
                if (f != 0) {
                    rows.inFlight(i, f);
                }
            }
        } else {
            for (int i = 0; i < candidates.length; i++) {
                int c = candidates[i];
                double s = by.of(g, c);
                rows.set(i, c, s, g.prior(c), g.visits(c), 0.0, s);
            }
        }
        CandidateList scored = rows.build();
        int[] chosen;
        if ("sample".equals(rule)) {
            chosen = new int[] {sample(ctx, scored)};
        } else {
            chosen = best(scored, Math.min(howMany, scored.size()));
        }
        for (int c : chosen) {
            if (unvisitedOnly) {
                ctx.tried().set(c);
            }
            ctx.emit(new NodeSelected(parent, c, rule, treeRule != null ? treeRule.c() : 0.0, parentVisits, scored));
        }
        return chosen;
    }

    /** The best {@code k} by score; ties go to the earlier candidate, which keeps runs repeatable. */
    private static int[] best(CandidateList scored, int k) {
        if (k == 1) {
            int top = 0;
            for (int i = 1; i < scored.size(); i++) {
                if (scored.score(i) > scored.score(top)) {
                    top = i;
                }
            }
            return new int[] {scored.node(top)};
        }
        List<Candidate> sorted = new ArrayList<>(scored);
        sorted.sort((a, b) -> Double.compare(b.score(), a.score()));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = sorted.get(i).node();
        }
        return out;
    }

    /** Samples by softmax of score / temperature, with the run's generator. */
    private int sample(RunContext ctx, CandidateList scored) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scored.size(); i++) {
            max = Math.max(max, scored.score(i));
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return best(scored, 1)[0];
        }
        double[] w = new double[scored.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double s = scored.score(i);
            w[i] = s == Double.NEGATIVE_INFINITY ? 0 : Math.exp((s - max) / temperature);
            sum += w[i];
        }
        double r = ctx.rng().nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) {
                return scored.node(i);
            }
        }
        return scored.node(w.length - 1);
    }
}
