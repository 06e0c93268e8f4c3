package org.rlmworkbench.runner.trace;

import java.util.List;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.event.NodesAggregated;
import org.rlmworkbench.runner.event.Restructured;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.event.VirtualLossAdded;
import org.rlmworkbench.runner.event.VirtualLossRemoved;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;

/**
 * Rebuilds a reasoning graph from events alone: what a trace replay, a seek back in time and
 * every view do. Applying a run's events gives the graph the run built.
 */
public final class GraphReplayer implements RunListener {
    private final Problem<Object> problem;
    private ReasoningGraph graph = new ReasoningGraph();

    /** @param problem decodes node states; null keeps the encoded state text as the state */
    @SuppressWarnings("unchecked")
    public GraphReplayer(Problem<?> problem) {
        this.problem = (Problem<Object>) problem;
    }

    /** The graph {@code events} describe. */
    public static ReasoningGraph rebuild(List<RunEvent> events, Problem<?> problem) {
        GraphReplayer r = new GraphReplayer(problem);
        events.forEach(r::onEvent);
        return r.graph();
    }

    public ReasoningGraph graph() {
        return graph;
    }

    /**
     * Applies one event.
     *
     * @throws IllegalStateException saying what was expected when the event does not fit the
     *     graph so far (a node that does not exist, a node id out of order, a second root)
     */
    @Override
    public void onEvent(RunEvent event) {
        ReasoningGraph g = graph;
        if (event instanceof RunStarted) {
            graph = new ReasoningGraph();
            return;
        }
        if (event instanceof NodeAdded e) {
            if (e.id() != g.size()) {
                throw new IllegalStateException("expected node " + g.size() + " next, got node " + e.id()
                        + " (events out of order?)");
            }
            Object state = decode(e.state());
            if (e.parent() < 0) {
                if (g.size() != 0) {
                    throw new IllegalStateException("node " + e.id() + " has no parent, but the root is node "
                            + g.root());
                }
                g.addRoot(e.text(), state, e.terminal());
            } else {
                node(g, e.parent(), "parent of node " + e.id());
                if (e.written() != null) {
                    g.addWrittenChild(e.parent(), e.text(), state, e.prior(), e.terminal(), e.written());
                } else {
                    g.addChild(e.parent(), e.text(), state, e.prior(), e.terminal());
                }
                if (g.depth(e.id()) != e.depth()) {
                    throw new IllegalStateException("node " + e.id() + " says depth " + e.depth()
                            + ", its parent " + e.parent() + " puts it at depth " + g.depth(e.id()));
                }
            }
        } else if (event instanceof ValuesComputed e) {
            for (Evaluation v : present(e.evaluations(), "evaluations")) {
                node(g, v.node(), "evaluated node");
                g.setValue(v.node(), v.value());
                if (v.reward() != null) {
                    g.setReward(v.node(), v.reward());
                }
            }
        } else if (event instanceof ValueBackpropagated e) {
            int[] path = present(e.path(), "path");
            if (present(e.visits(), "visits").length != path.length || present(e.q(), "q").length != path.length) {
                throw new IllegalStateException("path, visits and q must have the same length, got " + path.length
                        + ", " + e.visits().length + " and " + e.q().length);
            }
            for (int i = 0; i < path.length; i++) {
                node(g, path[i], "node on the backpropagation path");
                g.setStats(path[i], e.visits()[i], e.q()[i]);
            }
        } else if (event instanceof NodePruned e) {
            g.markPruned(node(g, e.node(), "pruned node"));
        } else if (event instanceof NodesAggregated e) {
            node(g, e.target(), "aggregation target");
            for (int s : present(e.sources(), "sources")) {
                node(g, s, "aggregated source");
                int p = "vote".equals(e.mode()) ? s : g.parent(s);
                if (p >= 0) {
                    g.addParent(e.target(), p);
                }
            }
            g.markAggregated(e.target());
        } else if (event instanceof NodeRefined e) {
            g.markRefined(node(g, e.refined(), "refined node"));
            g.setValue(e.refined(), e.refinedValue());
        } else if (event instanceof Restructured e) {
            g.setRoot(node(g, e.newRoot(), "new root"));
        } else if (event instanceof SolutionFound e) {
            g.markSolved(node(g, e.node(), "solution node"));
        } else if (event instanceof VirtualLossAdded e) {
            for (int n : present(e.path(), "path")) {
                node(g, n, "node on the virtual-loss path");
            }
            g.addInFlight(e.path());
        } else if (event instanceof VirtualLossRemoved e) {
            for (int n : present(e.path(), "path")) {
                node(g, n, "node on the virtual-loss path");
            }
            g.removeInFlight(e.path());
        }
        // NodeSelected, LeavesSelected, Backtracked, ModelCalled, operator and loop events, RunFinished: no change to the graph
    }

    private static int node(ReasoningGraph g, int id, String role) {
        if (id < 0 || id >= g.size()) {
            throw new IllegalStateException("the " + role + " is node " + id + ", but only nodes 0 to "
                    + (g.size() - 1) + " exist so far");
        }
        return id;
    }

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("field " + field + " is missing");
        }
        return value;
    }

    private Object decode(String state) {
        if (problem == null || state == null) {
            return state;
        }
        try {
            return problem.decodeState(state);
        } catch (InstanceParseException e) {
            throw new IllegalStateException("trace holds a state the problem cannot read: " + e.getMessage(), e);
        }
    }
}
