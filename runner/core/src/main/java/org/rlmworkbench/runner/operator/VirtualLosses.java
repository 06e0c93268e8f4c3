package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.VirtualLossAdded;
import org.rlmworkbench.runner.event.VirtualLossRemoved;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.VirtualLoss;

/**
 * The simulations of a run that are in flight (selected by a batched Select, not yet backed up),
 * each with the virtual loss it put on its path. Every change is reported as an event, so the
 * trace, the replayer and the views see the same in-flight counts the selection rule used.
 */
public final class VirtualLosses {

    /** One in-flight simulation: its leaf, its descent (leaf first) and its n_vl. */
    private record Pending(int leaf, int[] path, int count) {
    }

    private final ReasoningGraph graph;
    private final List<Pending> pending = new ArrayList<>();

    VirtualLosses(ReasoningGraph graph) {
        this.graph = graph;
    }

    /** Puts {@code loss} on every node of {@code pathLeafFirst} until the leaf's value is backed up. */
    public void add(int[] pathLeafFirst, VirtualLoss loss, Consumer<RunEvent> emit) {
        graph.addInFlight(pathLeafFirst);
        Pending p = new Pending(pathLeafFirst[0], pathLeafFirst.clone(), loss.count());
        pending.add(p);
        emit.accept(new VirtualLossAdded(p.leaf(), p.path().clone(), loss.count(), loss.value()));
    }

    /**
     * Takes back the virtual loss of the simulations that ended on {@code node} or on its nearest
     * ancestor with one in flight (a Generate that passes the new children on); none when nothing
     * is in flight there.
     */
    public void takeBack(int node, Consumer<RunEvent> emit) {
        if (pending.isEmpty()) {
            return;
        }
        for (int n = node; n != ReasoningGraph.NONE; n = graph.parent(n)) {
            // a node no descent passed through cannot be a leaf of one (its children, new, may be the input)
            if (graph.inFlight(n) > 0 && takeBackLeaf(n, emit)) {
                return;
            }
        }
    }

    /** Takes back every virtual loss still in flight, in the order it was added. */
    public void takeBackAll(Consumer<RunEvent> emit) {
        while (!pending.isEmpty()) {
            takeBackLeaf(pending.get(0).leaf(), emit);
        }
    }

    /** Whether any simulation is in flight. */
    public boolean any() {
        return !pending.isEmpty();
    }

    private boolean takeBackLeaf(int leaf, Consumer<RunEvent> emit) {
        boolean found = false;
        for (int i = 0; i < pending.size(); ) {
            Pending p = pending.get(i);
            if (p.leaf() != leaf) {
                i++;
                continue;
            }
            graph.removeInFlight(p.path());
            pending.remove(i);
            found = true;
            emit.accept(new VirtualLossRemoved(p.leaf(), p.path().clone(), p.count()));
        }
        return found;
    }
}
