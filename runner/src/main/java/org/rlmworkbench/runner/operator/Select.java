package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Params;
import org.rlmworkbench.runner.interpret.RunContext;
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
 */
public record Select(String rule, Scope scope, SelectionRule treeRule, Metric by, int k, double temperature,
                     boolean unvisitedOnly) implements Operator {

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
        return new Select(rule, Scope.valueOf(p.choice("scope").toUpperCase(java.util.Locale.ROOT)), tree,
                Metric.parse(p.choice("by")), p.integer("k"), p.real("temperature"), p.flag("unvisited_only"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        return switch (scope) {
            case TREE -> {
                int node = g.root();
                while (!g.isTerminal(node) && g.hasChildren(node)) {
                    int[] kids = eligibleChildren(ctx, node);
                    if (kids.length == 0) {
                        break;
                    }
                    int[] chosen = choose(ctx, node, kids, 1);
                    node = chosen[0];
                }
                yield new int[] {node};
            }
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
            parentVisits = g.visits(parent);
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
                treeRule.scoreInto(rows, i, c, g.q(c), g.prior(c), g.visits(c), parentVisits, parentTerm);
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
