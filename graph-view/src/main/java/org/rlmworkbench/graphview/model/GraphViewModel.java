package org.rlmworkbench.graphview.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.NodesAggregated;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/**
 * What the graph view shows, built from a run's events alone: the reasoning graph (rebuilt with the
 * runner's own {@link GraphReplayer}, so N, Q, P, V, R and the flags are exactly the run's), the
 * candidates table of each node's last Select, the current selection path and the best path.
 *
 * <p>Confined to the JavaFX thread: call {@link #apply} there. A run's thread hands events over
 * through {@link FxEventBatcher}. Contains no search logic; it only records what events say.
 *
 * <pre>{@code
 * GraphViewModel model = new GraphViewModel();
 * interpreter.run(instance, settings, List.of(new FxEventBatcher(model::apply)), null);
 * }</pre>
 */
public final class GraphViewModel {

    private final GraphReplayer replayer = new GraphReplayer(null);
    private final Map<Integer, NodeSelected> lastSelect = new HashMap<>();
    /** The run's model calls by number, for the inspector of a written node. */
    private final List<org.rlmworkbench.runner.event.ModelCalled> modelCalls = new ArrayList<>();
    private NodeSelected latestSelect;
    private final List<CueListener> cueListeners = new ArrayList<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper structureRevision = new ReadOnlyIntegerWrapper(this, "structureRevision");
    private final ReadOnlyObjectWrapper<int[]> bestPath = new ReadOnlyObjectWrapper<>(this, "bestPath", new int[0]);
    private final ReadOnlyObjectWrapper<int[]> selectionPath =
            new ReadOnlyObjectWrapper<>(this, "selectionPath", new int[0]);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<RunFinished> finished = new ReadOnlyObjectWrapper<>(this, "finished");
    private int eventCount;

    // ---- properties

    /** Incremented once per applied batch that changed anything the view draws. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Incremented once per applied batch that added nodes or edges (the layout must follow). */
    public ReadOnlyIntegerProperty structureRevisionProperty() {
        return structureRevision.getReadOnlyProperty();
    }

    /** Node ids from the root to the answer, as the run's Output rule reported in RunFinished. */
    public ReadOnlyObjectProperty<int[]> bestPathProperty() {
        return bestPath.getReadOnlyProperty();
    }

    /** Node ids from the root to the node the last Select chose. */
    public ReadOnlyObjectProperty<int[]> selectionPathProperty() {
        return selectionPath.getReadOnlyProperty();
    }

    /** "scheme on problem instance" once the run has started. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The run's last event, once it arrived. */
    public ReadOnlyObjectProperty<RunFinished> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    // ---- queries

    /** The graph as the events so far describe it. Read-only by contract; owned by this model. */
    public ReasoningGraph graph() {
        return replayer.graph();
    }

    public int size() {
        return graph().size();
    }

    public int eventCount() {
        return eventCount;
    }

    /**
     * The children of {@code parent} with their selection terms as the last Select at
     * {@code parent} computed them; empty when no Select has looked at its children yet.
     */
    public List<Candidate> candidatesOf(int parent) {
        NodeSelected s = lastSelect.get(parent);
        return s == null ? List.of() : s.candidates();
    }

    /** Model call number {@code call} of the run (its {@code ModelCalled} event), or null when not (yet) seen. */
    public org.rlmworkbench.runner.event.ModelCalled modelCall(int call) {
        return call >= 0 && call < modelCalls.size() ? modelCalls.get(call) : null;
    }

    /** The latest Select of the run (at any node), or null before the first. */
    public NodeSelected latestSelect() {
        return latestSelect;
    }

    /** The last Select at {@code parent}, or null. */
    public NodeSelected lastSelectAt(int parent) {
        return lastSelect.get(parent);
    }

    public void addCueListener(CueListener listener) {
        cueListeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    public void removeCueListener(CueListener listener) {
        cueListeners.remove(listener);
    }

    // ---- commands

    /** Applies one batch of events in order; fires properties once at the end. */
    public void apply(List<? extends RunEvent> events) {
        boolean structural = false;
        boolean any = false;
        List<Cue> cues = new ArrayList<>();
        for (RunEvent e : events) {
            int before = graph().size();
            if (e instanceof RunStarted s) {
                lastSelect.clear();
                modelCalls.clear();
                latestSelect = null;
                bestPath.set(new int[0]);
                selectionPath.set(new int[0]);
                finished.set(null);
                title.set(s.scheme() + " on " + s.problem() + " " + s.instance());
                eventCount = 0;
                structural = true;
            }
            Cue pulse = e instanceof ValueBackpropagated b ? backpropagateCue(b) : null;
            replayer.onEvent(e);
            eventCount++;
            structural |= graph().size() != before || e instanceof NodesAggregated;
            any |= e.changesGraph() || e instanceof RunStarted || e instanceof RunFinished;
            Cue cue = pulse != null ? pulse : record(e);
            if (cue != null) {
                cues.add(cue);
            }
        }
        if (structural) {
            structureRevision.set(structureRevision.get() + 1);
        }
        if (any || !cues.isEmpty()) {
            revision.set(revision.get() + 1);
        }
        for (Cue c : cues) {
            for (CueListener l : List.copyOf(cueListeners)) {
                l.onCue(c);
            }
        }
    }

    /** Applies a single event. */
    public void apply(RunEvent event) {
        apply(List.of(event));
    }

    /** The cue of a backpropagation, read before it is applied (it carries the old numbers). */
    private Cue backpropagateCue(ValueBackpropagated b) {
        int[] path = b.path().clone();
        int[] n = new int[path.length];
        double[] q = new double[path.length];
        ReasoningGraph g = graph();
        for (int i = 0; i < path.length; i++) {
            boolean known = path[i] >= 0 && path[i] < g.size();
            n[i] = known ? g.visits(path[i]) : 0;
            q[i] = known ? g.q(path[i]) : 0;
        }
        return new Cue.Backpropagate(path, b.value(), n, q);
    }

    private Cue record(RunEvent e) {
        if (e instanceof org.rlmworkbench.runner.event.ModelCalled m) {
            modelCalls.add(m);
            return null;
        }
        if (e instanceof NodeSelected s) {
            if (s.parent() >= 0) {
                lastSelect.put(s.parent(), s);
            }
            latestSelect = s;
            int[] path = s.chosen() >= 0 && s.chosen() < size() ? graph().pathTo(s.chosen()) : new int[0];
            selectionPath.set(path);
            return new Cue.Select(path);
        } else if (e instanceof ValuesComputed v) {
            List<Evaluation> ev = v.evaluations();
            return ev.size() == 1 ? new Cue.Evaluate(ev.get(0).node(), ev.get(0).value())
                    : ev.isEmpty() ? null : new Cue.Evaluate(ev.get(ev.size() - 1).node(), ev.get(ev.size() - 1).value());
        } else if (e instanceof NodePruned p) {
            return new Cue.Prune(p.node());
        } else if (e instanceof NodesAggregated a) {
            return new Cue.Aggregate(a.target(), a.sources().clone());
        } else if (e instanceof SolutionFound s) {
            return new Cue.Solve(s.node());
        } else if (e instanceof RunFinished f) {
            finished.set(f);
            bestPath.set(f.bestPath() == null ? new int[0] : f.bestPath().clone());
        }
        return null;
    }
}
