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

    @Override
    public void onEvent(RunEvent event) {
        ReasoningGraph g = graph;
        if (event instanceof RunStarted) {
            graph = new ReasoningGraph();
        } else if (event instanceof NodeAdded e) {
            Object state = decode(e.state());
            if (e.parent() < 0) {
                g.addRoot(e.text(), state, e.terminal());
            } else {
                if (e.written() != null) {
                    g.addWrittenChild(e.parent(), e.text(), state, e.prior(), e.terminal(), e.written());
                } else {
                    g.addChild(e.parent(), e.text(), state, e.prior(), e.terminal());
                }
                if (g.depth(e.id()) != e.depth() || g.size() - 1 != e.id()) {
                    throw new IllegalStateException("trace out of order at node " + e.id());
                }
            }
        } else if (event instanceof ValuesComputed e) {
            for (Evaluation v : e.evaluations()) {
                g.setValue(v.node(), v.value());
                if (v.reward() != null) {
                    g.setReward(v.node(), v.reward());
                }
            }
        } else if (event instanceof ValueBackpropagated e) {
            for (int i = 0; i < e.path().length; i++) {
                g.setStats(e.path()[i], e.visits()[i], e.q()[i]);
            }
        } else if (event instanceof NodePruned e) {
            g.markPruned(e.node());
        } else if (event instanceof NodesAggregated e) {
            for (int s : e.sources()) {
                g.addParent(e.target(), e.mode().equals("vote") ? s : g.parent(s));
            }
            g.markAggregated(e.target());
        } else if (event instanceof NodeRefined e) {
            g.markRefined(e.refined());
            g.setValue(e.refined(), e.refinedValue());
        } else if (event instanceof Restructured e) {
            g.setRoot(e.newRoot());
        } else if (event instanceof SolutionFound e) {
            g.markSolved(e.node());
        }
        // NodeSelected, Backtracked, ModelCalled, operator and loop events, RunFinished: no change to the graph
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
