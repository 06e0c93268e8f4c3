package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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

class GraphLayouterTest {

    static final LayoutSettings S = LayoutSettings.defaults();

    static ReasoningGraph synthetic(int n) {
        return GraphReplayer.rebuild(SyntheticRun.events(n, 3), null);
    }

    @ParameterizedTest
    @EnumSource(LayoutKind.class)
    void everyKindPlacesEveryVisibleNode(LayoutKind kind) {
        ReasoningGraph g = synthetic(400);
        NodeLayout l = new GraphLayouter(S).layout(LayoutInput.of(g), kind);
        for (int i = 0; i < g.size(); i++) {
            assertThat(l.placed(i)).as("node %d", i).isTrue();
        }
        assertThat(l.maxX() - l.minX()).isPositive();
    }

    @Test
    void treeLayoutIsTopDownWithoutOverlap() {
        ReasoningGraph g = synthetic(1500);
        NodeLayout l = new GraphLayouter(S).layout(LayoutInput.of(g), LayoutKind.TREE);
        TreeGeometry.assertNoOverlap(l, S, g.size());
        for (int i = 1; i < g.size(); i++) {
            assertThat(l.y()[i]).as("child %d below parent", i).isGreaterThan(l.y()[g.parent(i)]);
        }
    }

    @Test
    void hiddenNodesGetNoPlace() {
        ReasoningGraph g = synthetic(200);
        boolean[] visible = new boolean[g.size()];
        Arrays.fill(visible, true);
        int hidden = g.size() - 1;
        visible[hidden] = false;
        NodeLayout l = new GraphLayouter(S).layout(LayoutInput.of(g, visible), LayoutKind.TREE);
        assertThat(l.placed(hidden)).isFalse();
        assertThat(l.placed(0)).isTrue();
    }
}
