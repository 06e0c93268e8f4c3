package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.problem.Step;

/**
 * The Generate operator (structure): adds next steps as children, enumerated by the problem and
 * ranked by the policy ({@code source = enumerate}), or written by the writer model
 * ({@code source = sample}: one batched call for the whole working set, k samples per node, each
 * read by the problem's {@code parseStep}; see {@link StepWriter}; rejected texts become invalid
 * children that are shown but never passed on or selected).
 * In {@code expand} mode each unexpanded, non-terminal node gets k children (all legal steps with
 * their priors when k = 0, else k drawn without replacement by prior^(1/temperature)), created
 * together in one block as OpenSpiel does. In {@code chain} mode one step at a time is sampled
 * down to a terminal, giving a chain of thought. Nodes that get no new child (terminal or
 * already expanded) pass themselves on, so Evaluate still sees them.
 */
public record Generate(String nodeId, int k, boolean chain, boolean sample, double temperature, int maxDepth,
                       boolean outputExpanded, int maxTokens) implements Operator {

    /** Samples per node in {@code sample} mode when k is 0. */
    static final int DEFAULT_SAMPLES = 8;

    static Generate from(Params p) {
        return new Generate(p.nodeId(), p.integer("k"), p.choice("mode").equals("chain"),
                p.choice("source").equals("sample"), p.real("temperature"), p.integer("max_depth"),
                p.choice("output").equals("expanded"), p.integer("max_tokens"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        if (sample) {
            return chain ? writeChains(ctx, input) : writeChildren(ctx, input);
        }
        if (!ctx.problem().enumerable()) {
            throw new RunFailedException("node '" + nodeId + "', field params.source: problem '" + ctx.problem().id()
                    + "' cannot list its steps; use source 'sample' with a writer model");
        }
        if (chain) {
            int[] out = new int[input.length];
            for (int i = 0; i < input.length; i++) {
                out[i] = chainFrom(ctx, input[i]);
            }
            return out;
        }
        Map<Integer, Expansion> batch = expansions(ctx, input);
        int[] out = new int[Math.max(4, input.length * 8)];
        int n = 0;
        for (int node : input) {
            int before = ctx.graph().size();
            expand(ctx, node, batch.get(node));
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

    /** Sample mode: one call writes k steps for every expandable node of the working set. */
    private int[] writeChildren(RunContext ctx, int[] input) {
        LanguageModel writer = StepWriter.writer(ctx, nodeId, "source");
        ReasoningGraph g = ctx.graph();
        List<Integer> todo = new ArrayList<>();
        for (int node : input) {
            // a node whose every written step was invalid may be asked again (the seed differs per call)
            if (!g.isTerminal(node) && (!g.isExpanded(node) || !hasValidChild(g, node)) && !todo.contains(node)) {
                todo.add(node);
            }
        }
        int[] asked = todo.stream().mapToInt(Integer::intValue).toArray();
        StepWriter.Written w = asked.length == 0 ? null
                : StepWriter.write(ctx, writer, asked, k == 0 ? DEFAULT_SAMPLES : k, temperature, maxTokens);
        List<Integer> out = new ArrayList<>();
        for (int node : input) {
            int at = todo.indexOf(node);
            List<Integer> kids = List.of();
            if (at >= 0 && w.proposals().get(at) != null) {
                g.markExpanded(node);
                kids = StepWriter.addChildren(ctx, node, w.proposals().get(at), w.call());
                w.proposals().set(at, null);
            }
            if (outputExpanded || kids.isEmpty()) {
                out.add(node);
            } else {
                out.addAll(kids);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean hasValidChild(ReasoningGraph g, int node) {
        for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (!g.isInvalid(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sample mode, chains: every chain writes one step per call, all chains of the working set in one
     * batch, until a terminal, an invalid step or {@code max_depth}; each chain's last node is passed on.
     */
    private int[] writeChains(RunContext ctx, int[] input) {
        LanguageModel writer = StepWriter.writer(ctx, nodeId, "source");
        ReasoningGraph g = ctx.graph();
        int[] tip = input.clone();
        for (int d = 0; d < maxDepth; d++) {
            List<Integer> alive = new ArrayList<>();
            for (int i = 0; i < tip.length; i++) {
                if (!g.isTerminal(tip[i])) {
                    alive.add(i);
                }
            }
            if (alive.isEmpty()) {
                break;
            }
            int[] asked = alive.stream().mapToInt(i -> tip[i]).toArray();
            StepWriter.Written w = StepWriter.write(ctx, writer, asked, 1, temperature, maxTokens);
            for (int a = 0; a < asked.length; a++) {
                int parent = asked[a];
                g.markExpanded(parent);
                // one sample, one step: the first proposal is the chain's next step (a few-shot
                // model may write several lines; the chain follows the first)
                StepWriter.Proposal first = w.proposals().get(a).get(0);
                List<Integer> valid = StepWriter.addChild(ctx, parent, first, 1.0, w.call());
                tip[alive.get(a)] = valid.isEmpty() ? g.size() - 1 : valid.get(0);
            }
        }
        return tip;
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    /** A node's legal steps and their priors, worked out ahead for a batch. */
    private record Expansion(List<Step<Object>> steps, double[] priors) {
    }

    /**
     * When several nodes of the working set are to be expanded (the leaves of a batch, a beam's
     * level), their steps and the policy's priors for all of them in one call (one forward pass of a
     * policy network); for one node, none: it is expanded as always.
     */
    private Map<Integer, Expansion> expansions(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        List<Integer> nodes = new ArrayList<>();
        for (int node : input) {
            if (!g.isTerminal(node) && !g.isExpanded(node) && !nodes.contains(node)) {
                nodes.add(node);
            }
        }
        if (nodes.size() < 2) {
            return Map.of();
        }
        List<Object> states = new ArrayList<>(nodes.size());
        List<List<Step<Object>>> steps = new ArrayList<>(nodes.size());
        for (int node : nodes) {
            states.add(g.state(node));
            steps.add(ctx.problem().steps(g.state(node)));
        }
        List<double[]> priors = ctx.models().policy().priors(ctx.problem(), states, steps);
        Map<Integer, Expansion> out = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.put(nodes.get(i), new Expansion(steps.get(i), priors.get(i)));
        }
        return out;
    }

    private void expand(RunContext ctx, int node, Expansion ahead) {
        ReasoningGraph g = ctx.graph();
        if (g.isTerminal(node) || g.isExpanded(node)) {
            return;
        }
        g.markExpanded(node);
        Object state = g.state(node);
        List<Step<Object>> steps = ahead != null ? ahead.steps() : ctx.problem().steps(state);
        if (steps.isEmpty()) {
            return;
        }
        double[] priors = ahead != null ? ahead.priors() : ctx.models().policy().priors(ctx.problem(), state, steps);
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
