package org.rlmworkbench.graphview.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rlmworkbench.graphview.bench.SyntheticRun;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/** The culling grid finds every node in a box and every edge that crosses it. */
class SpatialIndexTest {

    @ParameterizedTest
    @EnumSource(value = LayoutKind.class, names = {"TREE", "RADIAL", "BALLOON"})
    void queriesMissNothingThatAFullScanFinds(LayoutKind kind) {
        ReasoningGraph g = GraphReplayer.rebuild(SyntheticRun.events(3000, 11), null);
        boolean[] visible = new boolean[g.size()];
        Arrays.fill(visible, true);
        for (int i = 7; i < g.size(); i += 13) {
            visible[i] = false; // hidden nodes (their subtrees keep places in this test) are never returned
        }
        NodeLayout l = new GraphLayouter(LayoutSettings.defaults()).layout(LayoutInput.of(g), kind);
        double[] x = l.x();
        double[] y = l.y();
        SpatialIndex index = SpatialIndex.build(g, x, y, visible, g.size());
        Random rnd = new Random(1);
        for (int q = 0; q < 300; q++) {
            double w = (l.maxX() - l.minX()) * Math.pow(rnd.nextDouble(), 3) + 10;
            double h = (l.maxY() - l.minY()) * rnd.nextDouble() + 10;
            double x0 = l.minX() - 200 + rnd.nextDouble() * (l.maxX() - l.minX() + 400);
            double y0 = l.minY() - 200 + rnd.nextDouble() * (l.maxY() - l.minY() + 400);
            double x1 = x0 + w;
            double y1 = y0 + h;
            int[] got = index.query(x0, y0, x1, y1);
            assertThat(IntStream.range(1, got.length).allMatch(k -> got[k - 1] < got[k])).as("ascending").isTrue();
            for (int i : got) {
                assertThat(visible[i]).isTrue();
            }
            for (int i = 0; i < g.size(); i++) {
                if (!visible[i]) {
                    continue;
                }
                boolean inside = x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1;
                int p = g.parent(i);
                boolean edge = p >= 0 && visible[p] && Math.max(x[i], x[p]) >= x0 && Math.min(x[i], x[p]) <= x1
                        && Math.max(y[i], y[p]) >= y0 && Math.min(y[i], y[p]) <= y1;
                if (inside || edge) {
                    assertThat(Arrays.binarySearch(got, i)).as("node %d in query %d", i, q).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void duringAGlideItFindsNodesAnywhereBetweenStartAndTarget() {
        ReasoningGraph g = GraphReplayer.rebuild(SyntheticRun.events(1500, 12), null);
        boolean[] visible = new boolean[g.size()];
        Arrays.fill(visible, true);
        GraphLayouter layouter = new GraphLayouter(LayoutSettings.defaults());
        NodeLayout to = layouter.layout(LayoutInput.of(g), LayoutKind.TREE);
        NodeLayout from = layouter.layout(LayoutInput.of(g), LayoutKind.RADIAL);
        SpatialIndex index = SpatialIndex.build(g, to.x(), to.y(), from.x(), from.y(), visible, g.size());
        Random rnd = new Random(2);
        for (int q = 0; q < 200; q++) {
            double t = rnd.nextDouble();
            double[] x = new double[g.size()];
            double[] y = new double[g.size()];
            for (int i = 0; i < g.size(); i++) {
                x[i] = from.x()[i] + (to.x()[i] - from.x()[i]) * t;
                y[i] = from.y()[i] + (to.y()[i] - from.y()[i]) * t;
            }
            NodeLayout now = NodeLayout.of(x, y);
            double x0 = now.minX() + rnd.nextDouble() * (now.maxX() - now.minX());
            double y0 = now.minY() + rnd.nextDouble() * (now.maxY() - now.minY());
            double x1 = x0 + 50 + rnd.nextDouble() * 3000;
            double y1 = y0 + 50 + rnd.nextDouble() * 2000;
            int[] got = index.query(x0, y0, x1, y1);
            for (int i = 0; i < g.size(); i++) {
                int p = g.parent(i);
                boolean inside = x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1;
                boolean edge = p >= 0 && Math.max(x[i], x[p]) >= x0 && Math.min(x[i], x[p]) <= x1
                        && Math.max(y[i], y[p]) >= y0 && Math.min(y[i], y[p]) <= y1;
                if (inside || edge) {
                    assertThat(Arrays.binarySearch(got, i)).as("node %d at t %.2f", i, t).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
