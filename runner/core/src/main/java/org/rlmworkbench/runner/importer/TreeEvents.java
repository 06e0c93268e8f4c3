package org.rlmworkbench.runner.importer;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.TreeImported;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;

/**
 * Writes an imported tree as the workbench's own events, numbering nodes in the order they are
 * added (the order a replay needs). Imported nodes carry no problem state and no prior: the
 * formats do not record either.
 */
final class TreeEvents {
    private final List<RunEvent> events = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    TreeEvents(String scheme, String problem, String instance, TreeImported header) {
        events.add(new RunStarted(scheme, problem, instance, 0));
        events.add(header);
    }

    int root(String text) {
        return add(-1, text, false);
    }

    int child(int parent, String text, boolean terminal) {
        return add(parent, text, terminal);
    }

    private int add(int parent, String text, boolean terminal) {
        int id = parents.size();
        int depth = parent < 0 ? 0 : depths.get(parent) + 1;
        parents.add(parent);
        depths.add(depth);
        texts.add(text);
        events.add(new NodeAdded(id, parent, depth, text, null, 0.0, terminal));
        return id;
    }

    void values(String source, List<Evaluation> evaluations) {
        if (!evaluations.isEmpty()) {
            events.add(new ValuesComputed(source, List.copyOf(evaluations)));
        }
    }

    /** Visits and Q as the file states them for one node (not a backup the workbench computed). */
    void stats(int node, int visits, double q, String rule) {
        events.add(new ValueBackpropagated(node, q, rule, new int[] {node}, new int[] {visits}, new double[] {q}));
    }

    void selected(int parent, int chosen, String rule, List<Candidate> candidates) {
        events.add(new NodeSelected(parent, chosen, rule, 0.0, 0, List.copyOf(candidates)));
    }

    void pruned(int node, String reason) {
        events.add(new NodePruned(node, reason));
    }

    void solved(int node, String answer, double reward) {
        events.add(new SolutionFound(node, answer, reward));
    }

    void iteration(String loop, int iteration, int of) {
        events.add(new LoopIteration(loop, iteration, of));
    }

    List<RunEvent> finish(boolean solved, String answer, int[] bestPath, int iterations) {
        events.add(new RunFinished("completed", solved, answer, bestPath, iterations, parents.size()));
        return List.copyOf(events);
    }

    int size() {
        return parents.size();
    }

    int parent(int id) {
        return parents.get(id);
    }

    String text(int id) {
        return texts.get(id);
    }

    int[] pathTo(int id) {
        List<Integer> rev = new ArrayList<>();
        for (int n = id; n >= 0; n = parents.get(n)) {
            rev.add(n);
        }
        int[] path = new int[rev.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = rev.get(path.length - 1 - i);
        }
        return path;
    }
}
