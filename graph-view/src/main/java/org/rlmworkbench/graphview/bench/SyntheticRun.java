package org.rlmworkbench.graphview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;

/**
 * A seeded, MCTS-shaped event stream of any size for benchmarks: each iteration selects a leaf,
 * expands it with 2 to 5 children with priors, evaluates it and backpropagates along the path.
 * The numbers are random; the shape of the events is the runner's.
 */
public final class SyntheticRun {

    private SyntheticRun() {
    }

    /** Events that grow a tree of exactly {@code nodes} nodes. */
    public static List<RunEvent> events(int nodes, long seed) {
        Random rnd = new Random(seed);
        List<RunEvent> out = new ArrayList<>();
        out.add(new RunStarted("synthetic", "bench", nodes + " nodes", seed));
        List<int[]> children = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        List<Integer> depth = new ArrayList<>();
        int[] visits = new int[nodes];
        double[] q = new double[nodes];
        out.add(new NodeAdded(0, -1, 0, "root", null, 1.0, false));
        parent.add(-1);
        depth.add(0);
        children.add(new int[0]);
        List<Integer> leaves = new ArrayList<>(List.of(0));
        int size = 1;
        while (size < nodes) {
            // select: a random leaf, biased towards recent (deeper) ones
            int li = leaves.size() - 1 - (int) Math.min(leaves.size() - 1, Math.abs(rnd.nextGaussian()) * leaves.size() / 3);
            int leaf = leaves.remove(li);
            int[] path = pathTo(parent, leaf);
            for (int i = 1; i < path.length; i++) {
                int p = path[i - 1];
                List<Candidate> cands = new ArrayList<>();
                for (int c : children.get(p)) {
                    cands.add(new Candidate(c, q[c], 1.0 / children.get(p).length, visits[c], rnd.nextDouble(),
                            q[c] + rnd.nextDouble()));
                }
                out.add(new NodeSelected(p, path[i], "puct", 1.25, visits[p], cands));
            }
            int k = Math.min(nodes - size, 2 + rnd.nextInt(4));
            int[] kids = new int[k];
            for (int j = 0; j < k; j++) {
                int id = size++;
                kids[j] = id;
                parent.add(leaf);
                depth.add(depth.get(leaf) + 1);
                children.add(new int[0]);
                out.add(new NodeAdded(id, leaf, depth.get(leaf) + 1, "step " + id + ": " + rnd.nextInt(100) + " + "
                        + rnd.nextInt(100), null, 1.0 / k, false));
                leaves.add(id);
            }
            children.set(leaf, kids);
            double v = rnd.nextDouble() * 2 - 1;
            out.add(new ValuesComputed("synthetic", List.of(new Evaluation(leaf, v, null))));
            int[] up = new int[path.length];
            int[] n = new int[path.length];
            double[] qq = new double[path.length];
            for (int i = 0; i < path.length; i++) {
                int node = path[path.length - 1 - i];
                up[i] = node;
                visits[node]++;
                q[node] += (v - q[node]) / visits[node];
                n[i] = visits[node];
                qq[i] = q[node];
            }
            out.add(new ValueBackpropagated(leaf, v, "mean", up, n, qq));
        }
        out.add(new RunFinished("completed", false, null, pathTo(parent, size - 1), size, size));
        return out;
    }

    private static int[] pathTo(List<Integer> parent, int id) {
        int len = 0;
        for (int n = id; n >= 0; n = parent.get(n)) {
            len++;
        }
        int[] path = new int[len];
        for (int n = id, i = len - 1; n >= 0; n = parent.get(n), i--) {
            path[i] = n;
        }
        return path;
    }
}
