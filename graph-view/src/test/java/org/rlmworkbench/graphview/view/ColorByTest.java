package org.rlmworkbench.graphview.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** A tree without visit statistics (beam search, ToT) is coloured by value, or by reward, not all grey. */
class ColorByTest {

    @Test
    void colourMeansQOnceVisitedElseValueElseReward() {
        ReasoningGraph g = new ReasoningGraph();
        int root = g.addRoot("r", "r", false);
        int good = g.addChild(root, "a", "a", 0.5, false);
        int bad = g.addChild(root, "b", "b", 0.5, true);
        assertThat(ColorBy.of(g)).isEqualTo(ColorBy.Q);
        g.setReward(bad, -1);
        assertThat(ColorBy.of(g)).isEqualTo(ColorBy.REWARD);
        g.setValue(good, 0.8);
        g.setValue(bad, -0.6);
        assertThat(ColorBy.of(g)).isEqualTo(ColorBy.VALUE);
        QColorScale scale = QColorScale.symmetric();
        // beam: no visits anywhere, yet the nodes are told apart by value
        assertThat(ColorBy.VALUE.fill(scale, g, good, g.q(good), 0)).isNotEqualTo(QColorScale.UNVISITED)
                .isNotEqualTo(ColorBy.VALUE.fill(scale, g, bad, g.q(bad), 0));
        assertThat(ColorBy.VALUE.fill(scale, g, root, g.q(root), 0)).isEqualTo(QColorScale.UNVISITED);
        g.setStats(root, 1, 0.2);
        assertThat(ColorBy.of(g)).isEqualTo(ColorBy.Q);
    }
}
