package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * The Refine operator (structure): reconsiders a node's last step. From its parent, the k
 * alternatives the policy likes best (or k rewrites by the writer model, all nodes in one call) are
 * scored; when the best scores higher than the node, it is added beside it as the refined version
 * and passed on instead. Rewrites the problem rejects are kept as invalid children of the parent.
 */
public record Refine(String nodeId, int k, ValueSource source, boolean writer, double temperature) implements Operator {

    /** Refine's one playout per score, capped as Evaluate's are (it once ran to a terminal, however far). */
    private static final Rollout ROLLOUT = new Rollout(Rollout.DEFAULT_DEPTH, 1);

    static Refine from(Params p) {
        return new Refine(p.nodeId(), p.integer("k"), ValueSource.parse(p.choice("source")),
                p.choice("alternatives").equals("writer"), p.real("temperature"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        // refuses 'value' without a value model, as Evaluate does, instead of scoring by the heuristic unasked
        source.resolve(ctx.models().value(), nodeId, "heuristic");
        if (writer) {
            return rewrite(ctx, input);
        }
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        if (!problem.enumerable()) {
            throw new RunFailedException("node '" + nodeId
                    + "', field params.alternatives: problem '" + problem.id() + "' cannot list its steps, so there are"
                    + " no alternatives to enumerate; use alternatives 'writer' with a writer model");
        }
        int[] out = input.clone();
        for (int i = 0; i < input.length; i++) {
            int node = input[i];
            int parent = g.parent(node);
            if (parent == ReasoningGraph.NONE || g.isPruned(node) || g.isSolved(node) || g.isInvalid(node)) {
                continue;
            }
            double current = score(ctx, g.state(node));
            Object parentState = g.state(parent);
            List<Step<Object>> steps = problem.steps(parentState);
            if (steps.isEmpty()) {
                continue;
            }
            double[] priors = ctx.models().policy().priors(problem, parentState, steps);
            String ownText = g.text(node);
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < steps.size(); s++) {
                order.add(s);
            }
            order.sort((a, b) -> Double.compare(priors[b], priors[a]));
            int best = -1;
            double bestScore = current;
            int considered = 0;
            for (int s : order) {
                if (considered == k) {
                    break;
                }
                if (steps.get(s).text().equals(ownText)) {
                    continue;
                }
                considered++;
                double sc = score(ctx, steps.get(s).next());
                if (sc > bestScore) {
                    best = s;
                    bestScore = sc;
                }
            }
            if (best >= 0) {
                int refined = ctx.addChild(parent, steps.get(best), priors[best]);
                g.markRefined(refined);
                g.setValue(refined, bestScore);
                ctx.emit(new NodeRefined(node, refined, current, bestScore));
                out[i] = refined;
            }
        }
        return out;
    }

    /** The writer rewrites each node's last step k times, in one call; the best better rewrite is kept. */
    private int[] rewrite(RunContext ctx, int[] input) {
        LanguageModel model = StepWriter.writer(ctx, nodeId, "alternatives");
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        List<Integer> todo = new ArrayList<>();
        for (int node : input) {
            if (g.parent(node) != ReasoningGraph.NONE && !g.isPruned(node) && !g.isSolved(node) && !g.isInvalid(node)
                    && !todo.contains(node)) {
                todo.add(node);
            }
        }
        int[] out = input.clone();
        if (todo.isEmpty()) {
            return out;
        }
        int[] parents = todo.stream().mapToInt(g::parent).toArray();
        StepWriter.Written w = StepWriter.write(ctx, model, parents, k, temperature, StepWriter.MAX_TOKENS);
        for (int t = 0; t < todo.size(); t++) {
            int node = todo.get(t);
            int parent = parents[t];
            String own = problem.stateKey(g.state(node));
            double current = score(ctx, g.state(node));
            List<StepWriter.Proposal> proposals = w.proposals().get(t);
            double[] priors = StepWriter.priors(proposals);
            int best = -1;
            double bestScore = current;
            for (int i = 0; i < proposals.size(); i++) {
                StepWriter.Proposal x = proposals.get(i);
                if (x.parse() instanceof StepParse.Accepted<Object> a) {
                    if (problem.stateKey(a.step().next()).equals(own)) {
                        continue;
                    }
                    double sc = score(ctx, a.step().next());
                    if (sc > bestScore) {
                        best = i;
                        bestScore = sc;
                    }
                } else {
                    StepWriter.addChild(ctx, parent, x, 0.0, w.call());
                }
            }
            if (best >= 0) {
                int refined = StepWriter.addChild(ctx, parent, proposals.get(best), priors[best], w.call()).get(0);
                g.markRefined(refined);
                g.setValue(refined, bestScore);
                ctx.emit(new NodeRefined(node, refined, current, bestScore));
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == node) {
                        out[i] = refined;
                    }
                }
            }
        }
        return out;
    }

    private double score(RunContext ctx, Object state) {
        Problem<Object> problem = ctx.problem();
        if (problem.isTerminal(state)) {
            return problem.outcomeReward(state);
        }
        return switch (source) {
            case REWARD -> ctx.models().reward().reward(problem, state);
            case VALUE -> ctx.models().value().values(problem, List.of(state))[0];
            case ROLLOUT -> ROLLOUT.value(problem, state, ctx.rng());
            case HEURISTIC -> problem.heuristicValue(state);
            case JUDGE, VALUE_OR_ROLLOUT -> throw new IllegalStateException(
                    "Refine scores by heuristic, value, reward or rollout, not " + source.wireName());
        };
    }
}
