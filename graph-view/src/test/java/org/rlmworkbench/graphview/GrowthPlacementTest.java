package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.graphview.bench.SyntheticRun;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.GrowthPlacement;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

class GrowthPlacementTest {

    static final LayoutSettings S = LayoutSettings.defaults();

    @Test
    void newNodesStartOneLevelBelowTheirParentsAndOldOnesStay() {
        List<RunEvent> events = SyntheticRun.events(300, 5);
        int cut = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof NodeAdded a && a.id() == 199) {
                cut = i + 1;
            }
        }
        ReasoningGraph small = GraphReplayer.rebuild(events.subList(0, cut), null);
        ReasoningGraph big = GraphReplayer.rebuild(events, null);
        NodeLayout old = new GraphLayouter(S).layout(LayoutInput.of(small), LayoutKind.TREE);
        NodeLayout p = GrowthPlacement.provisional(old, LayoutInput.of(big), S);
        assertThat(p).isNotNull();
        for (int i = 0; i < big.size(); i++) {
            if (i < small.size()) {
                assertThat(p.x()[i]).isEqualTo(old.x()[i]);
                assertThat(p.y()[i]).isEqualTo(old.y()[i]);
            } else {
                int parent = big.parent(i);
                assertThat(p.y()[i]).as("node %d", i).isEqualTo(p.y()[parent] + S.cardHeight() + S.gapY());
            }
        }
        assertThat(GrowthPlacement.provisional(old, LayoutInput.of(small), S)).as("nothing changed").isNull();
    }

    @Test
    void hiddenNodesLoseTheirPlaceAndTreesPackAtOne() {
        ReasoningGraph g = GraphReplayer.rebuild(SyntheticRun.events(200, 5), null);
        NodeLayout full = new GraphLayouter(S).layout(LayoutInput.of(g), LayoutKind.TREE);
        boolean[] visible = new boolean[g.size()];
        Arrays.fill(visible, true);
        visible[g.size() - 1] = false;
        NodeLayout p = GrowthPlacement.provisional(full, LayoutInput.of(g, visible), S);
        assertThat(p.placed(g.size() - 1)).isFalse();
        assertThat(GrowthPlacement.packing(full, LayoutInput.of(g), S)).isGreaterThan(0.95);
        NodeLayout radial = new GraphLayouter(S).layout(LayoutInput.of(g), LayoutKind.RADIAL);
        assertThat(GrowthPlacement.packing(radial, LayoutInput.of(g), S)).isLessThan(1.0);
    }
}
