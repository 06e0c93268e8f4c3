package org.rlmworkbench.runner.operator;

import java.util.Arrays;
import java.util.List;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Params;
import org.rlmworkbench.runner.interpret.RunContext;
import org.rlmworkbench.runner.problem.Step;

/**
 * The Generate operator (structure): asks the policy for next steps and adds them as children.
 * In {@code expand} mode each unexpanded, non-terminal node gets k children (all legal steps with
 * their priors when k = 0, else k drawn without replacement by prior^(1/temperature)), created
 * together in one block as OpenSpiel does. In {@code chain} mode one step at a time is sampled
 * down to a terminal, giving a chain of thought. Nodes that get no new child (terminal or
 * already expanded) pass themselves on, so Evaluate still sees them.
 */
public record Generate(int k, boolean chain, double temperature, int maxDepth, boolean outputExpanded)
        implements Operator {

    static Generate from(Params p) {
        return new Generate(p.integer("k"), p.choice("mode").equals("chain"), p.real("temperature"),
                p.integer("max_depth"), p.choice("output").equals("expanded"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        if (chain) {
            int[] out = new int[input.length];
            for (int i = 0; i < input.length; i++) {
                out[i] = chainFrom(ctx, input[i]);
            }
            return out;
        }
        int[] out = new int[Math.max(4, input.length * 8)];
        int n = 0;
        for (int node : input) {
            int before = ctx.graph().size();
            expand(ctx, node);
            int after = ctx.graph().size();
            if (outputExpanded || after == before) {
                out = grow(out, n + 1);
                out[n++] = node;
            } else {
                out = grow(out, n + after - before);
                for (int c = before; c < after; c++) {
                    out[n++] = c;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    private void expand(RunContext ctx, int node) {
        ReasoningGraph g = ctx.graph();
        if (g.isTerminal(node) || g.isExpanded(node)) {
            return;
        }
        g.markExpanded(node);
        Object state = g.state(node);
        List<Step<Object>> steps = ctx.problem().steps(state);
        if (steps.isEmpty()) {
            return;
        }
        double[] priors = ctx.models().policy().priors(ctx.problem(), state, steps);
        if (k == 0 || k >= steps.size()) {
            for (int i = 0; i < steps.size(); i++) {
                ctx.addChild(node, steps.get(i), priors[i]);
            }
            return;
        }
        for (int i : drawWithoutReplacement(ctx, priors, k)) {
            ctx.addChild(node, steps.get(i), priors[i]);
        }
    }

    /** Indices of {@code count} distinct steps drawn by weight prior^(1/T); T = 0 takes the top priors. */
    private int[] drawWithoutReplacement(RunContext ctx, double[] priors, int count) {
        double[] w = new double[priors.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = temperature == 0 ? priors[i] : Math.pow(priors[i], 1.0 / temperature);
        }
        int[] picked = new int[count];
        for (int j = 0; j < count; j++) {
            int choice;
            if (temperature == 0) {
                choice = 0;
                for (int i = 1; i < w.length; i++) {
                    if (w[i] > w[choice]) {
                        choice = i;
                    }
                }
            } else {
                double sum = 0;
                for (double x : w) {
                    sum += x;
                }
                double r = ctx.rng().nextDouble() * sum;
                choice = w.length - 1;
                for (int i = 0; i < w.length; i++) {
                    r -= w[i];
                    if (r < 0 && w[i] > 0) {
                        choice = i;
                        break;
                    }
                }
            }
            picked[j] = choice;
            w[choice] = temperature == 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        Arrays.sort(picked);
        return picked;
    }

    private int chainFrom(RunContext ctx, int start) {
        ReasoningGraph g = ctx.graph();
        int node = start;
        for (int d = 0; d < maxDepth && !g.isTerminal(node); d++) {
            Object state = g.state(node);
            List<Step<Object>> steps = ctx.problem().steps(state);
            if (steps.isEmpty()) {
                break;
            }
            double[] priors = ctx.models().policy().priors(ctx.problem(), state, steps);
            int i = drawWithoutReplacement(ctx, priors, 1)[0];
            node = ctx.addChild(node, steps.get(i), priors[i]);
        }
        return node;
    }
}
