package org.rlmworkbench.graphview.bench;

import java.util.List;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/**
 * Prints layout time and frame (draw) time for synthetic MCTS trees of 1k, 10k and 100k nodes, and
 * the time to re-lay out a 10k-node tree after 10 more nodes. Usage:
 * {@code LayoutBenchmark [sizes...]}, e.g. {@code LayoutBenchmark 1000 10000 100000}.
 */
public final class LayoutBenchmark {

    private LayoutBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        GraphLayouter layouter = new GraphLayouter(LayoutSettings.defaults());
        for (int n : sizes) {
            ReasoningGraph g = graph(n);
            LayoutInput in = LayoutInput.of(g);
            for (LayoutKind kind : LayoutKind.values()) {
                if (kind == LayoutKind.LAYERED && n > 10_000) {
                    continue;
                }
                long t0 = System.nanoTime();
                NodeLayout l = layouter.layout(in, kind);
                long t1 = System.nanoTime();
                System.out.printf("layout %-8s %7d nodes: %8.1f ms  (%s)%n", kind, n, (t1 - t0) / 1e6, l);
            }
        }
    }

    static ReasoningGraph graph(int n) {
        List<RunEvent> events = SyntheticRun.events(n, 42);
        return GraphReplayer.rebuild(events, null);
    }
}
