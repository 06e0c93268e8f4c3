package org.rlmworkbench.runner.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.ValueSource;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.trace.GraphReplayer;

/**
 * Runs the built-in MCTS scheme over instances, rebuilds each run's tree from its events (as a
 * trace replay would) and turns it into training examples:
 * Every node of the tree gets an exact outcome where the trace and a one-step look-ahead with
 * the verifier decide it: a terminal node its verifier outcome; a node whose legal steps all end
 * in terminals (checked with {@code problem.steps}, also for nodes the search never expanded) the
 * best of those outcomes; an expanded node +1 when a child is +1, and -1 when every child is -1.
 * A node is <em>proven</em> when its subtree holds an outcome of +1: an exact +1, a solution the
 * search found, or a random rollout that reached one (a rollout is a path the search has seen).
 * <ul>
 *   <li>value (one example per distinct state, targets averaged): every node with an exact
 *   outcome, that outcome; every other visited non-terminal
 *   node, +1 when proven, else its searched Q;</li>
 *   <li>policy: every expanded node with at least two child visits or a proven child: its
 *   children's visit distribution, mixed one to three with the uniform distribution over its
 *   proven children when it has any;</li>
 *   <li>language model: every legal step of every visited state, weighted toward good steps
 *   (see {@link LmExamples}).</li>
 * </ul>
 */
public final class TraceCollector {

    /** What the searches gave. */
    public record Collected(List<Examples.Value> values, List<Examples.Policy> policies, List<Examples.Lm> lm,
                            List<SearchRecord> records, int solved, int searched) {
        public double solveRate() {
            return searched == 0 ? 0 : (double) solved / searched;
        }
    }

    private TraceCollector() {
    }

    @SuppressWarnings("unchecked")
    public static Collected collect(Problem<?> anyProblem, Models models, List<String> instances, int budget,
                                    long seed, int phase, String split, TrainingListener listener,
                                    BooleanSupplier cancel) {
        Problem<Object> problem = (Problem<Object>) anyProblem;
        Scheme mcts = BuiltinSchemes.load("mcts");
        Interpreter interpreter = new Interpreter(mcts, problem, models);
        List<Examples.Value> values = new ArrayList<>();
        List<Examples.Policy> policies = new ArrayList<>();
        List<Examples.Lm> lm = new ArrayList<>();
        List<SearchRecord> records = new ArrayList<>();
        Set<String> lmStates = new HashSet<>();
        java.util.SplittableRandom lmRng = new java.util.SplittableRandom(seed);
        int solved = 0;
        for (int i = 0; i < instances.size(); i++) {
            if (cancel.getAsBoolean()) {
                throw new TrainingCancelledException();
            }
            GraphReplayer replay = new GraphReplayer(problem);
            Set<Integer> evidence = new HashSet<>();
            RunListener proofs = e -> {
                if (e instanceof ValuesComputed vc) {
                    for (Evaluation ev : vc.evaluations()) {
                        boolean rolledOut = ValueSource.ROLLOUT.wireName().equals(vc.source()) && ev.value() > -1 + 1e-9;
                        boolean verified = ev.reward() != null && ev.reward() > 0;
                        if (rolledOut || verified) {
                            evidence.add(ev.node());
                        }
                    }
                }
            };
            RunResult r;
            try {
                r = interpreter.run(instances.get(i), new RunSettings(seed * 1_000_003L + i, budget),
                        List.of(replay, proofs), null);
            } catch (InstanceParseException e) {
                throw new IllegalArgumentException("instance '" + instances.get(i) + "': " + e.getMessage(), e);
            }
            ReasoningGraph g = replay.graph();
            if (r.solved()) {
                solved++;
                evidence.addAll(r.bestPathIds());
            }
            double[] exact = exactOutcomes(problem, g);
            boolean[] proven = new boolean[g.size()];
            for (int n = 0; n < g.size(); n++) {
                if (exact[n] > 0) {
                    evidence.add(n);
                }
            }
            for (int n : evidence) {
                for (int a : g.pathTo(n)) {
                    proven[a] = true;
                }
            }
            records.add(examples(problem, g, r, proven, exact, instances.get(i), phase, split, values, policies));
            LmExamples.add(problem, g, proven, lmStates, lmRng, lm);
            listener.onEvent(new TrainingEvent.SearchProgress(phase, split, i + 1, instances.size(), solved));
        }
        return new Collected(mergeByState(values), policies, lm, records, solved, instances.size());
    }

    /** One example per distinct state, with the mean of its targets, in first-seen order. */
    static List<Examples.Value> mergeByState(List<Examples.Value> values) {
        java.util.Map<String, double[]> sums = new java.util.LinkedHashMap<>();
        for (Examples.Value v : values) {
            double[] s = sums.computeIfAbsent(v.state(), k -> new double[2]);
            s[0] += v.target();
            s[1]++;
        }
        List<Examples.Value> out = new ArrayList<>(sums.size());
        sums.forEach((state, s) -> out.add(new Examples.Value(state, (float) (s[0] / s[1]))));
        return out;
    }

    /** Outcomes the tree and a one-step verifier look-ahead decide; NaN where undecided. */
    private static double[] exactOutcomes(Problem<Object> problem, ReasoningGraph g) {
        double[] exact = new double[g.size()];
        for (int n = g.size() - 1; n >= 0; n--) {
            Object state = g.state(n);
            double e = Double.NaN;
            if (g.isTerminal(n)) {
                e = problem.outcomeReward(state);
            } else if (g.hasChildren(n)) {
                boolean all = true;
                double best = Double.NEGATIVE_INFINITY;
                for (int c : g.children(n)) {
                    if (Double.isNaN(exact[c])) {
                        all = false;
                    } else {
                        best = Math.max(best, exact[c]);
                    }
                }
                if (best > 0 || all) {
                    e = best;
                }
            } else {
                List<Step<Object>> steps = problem.steps(state);
                boolean all = !steps.isEmpty();
                double best = Double.NEGATIVE_INFINITY;
                for (Step<Object> st : steps) {
                    if (!problem.isTerminal(st.next())) {
                        all = false;
                        break;
                    }
                    best = Math.max(best, problem.outcomeReward(st.next()));
                }
                if (all) {
                    e = best;
                }
            }
            exact[n] = e;
        }
        return exact;
    }

    private static SearchRecord examples(Problem<Object> problem, ReasoningGraph g, RunResult r, boolean[] proven,
                                         double[] exact, String instance, int phase, String split,
                                         List<Examples.Value> values,
                                         List<Examples.Policy> policies) {
        List<SearchRecord.Expansion> expansions = new ArrayList<>();
        for (int n = 0; n < g.size(); n++) {
            if (g.isTerminal(n) || (g.visits(n) == 0 && Double.isNaN(exact[n]))) {
                continue;
            }
            String state = problem.encodeState(g.state(n));
            float v = !Double.isNaN(exact[n]) ? (float) exact[n] : proven[n] ? 1f : (float) g.q(n);
            values.add(new Examples.Value(state, v));
            if (g.visits(n) == 0) {
                continue;
            }
            int[] children = g.children(n);
            if (children.length == 0) {
                continue;
            }
            List<String> texts = new ArrayList<>(children.length);
            List<String> next = new ArrayList<>(children.length);
            double[] priors = new double[children.length];
            int[] visits = new int[children.length];
            double[] qs = new double[children.length];
            int total = 0;
            int provenCount = 0;
            for (int c = 0; c < children.length; c++) {
                texts.add(g.text(children[c]));
                next.add(problem.encodeState(g.state(children[c])));
                priors[c] = g.prior(children[c]);
                visits[c] = g.visits(children[c]);
                qs[c] = g.q(children[c]);
                total += visits[c];
                if (proven[children[c]]) {
                    provenCount++;
                }
            }
            expansions.add(new SearchRecord.Expansion(state, g.visits(n), g.q(n), texts, priors, visits, qs));
            if (total >= 2 || provenCount > 0) {
                float[] target = new float[children.length];
                double w = total == 0 ? 0 : provenCount > 0 ? 0.25 : 1.0;
                for (int c = 0; c < children.length; c++) {
                    target[c] = total == 0 ? 0f : (float) (w * visits[c] / total);
                    if (proven[children[c]]) {
                        target[c] += (float) ((1 - w) / provenCount);
                    }
                }
                policies.add(new Examples.Policy(state, texts, next, target));
            }
        }
        List<SearchRecord.PathStep> steps = new ArrayList<>();
        List<Integer> ids = r.bestPathIds();
        for (int k = 1; k < ids.size(); k++) {
            int parent = ids.get(k - 1);
            int child = ids.get(k);
            String before = problem.encodeState(g.state(parent));
            String text = g.text(child);
            Double reward = g.isTerminal(child) ? problem.outcomeReward(g.state(child)) : null;
            steps.add(new SearchRecord.PathStep(before, text, g.visits(child), g.q(child), g.value(child), reward,
                    problem.encodeState(g.state(child))));
        }
        return new SearchRecord(problem.id(), phase, split, instance, problem.encodeState(g.state(g.root())),
                r.solved(), r.nodes(), r.iterations(), steps, expansions);
    }
}
