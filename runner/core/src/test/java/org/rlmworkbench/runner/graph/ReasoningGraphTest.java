package org.rlmworkbench.runner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class ReasoningGraphTest {

    @Test
    void treeStructureAndStatistics() {
        ReasoningGraph g = new ReasoningGraph(2);
        int r = g.addRoot("problem", "s0", false);
        int a = g.addChild(r, "a", "s1", 0.7, false);
        int b = g.addChild(r, "b", "s2", 0.3, true);
        int c = g.addChild(a, "c", "s3", 1.0, true);
        assertThat(g.children(r)).containsExactly(a, b);
        assertThat(g.depth(c)).isEqualTo(2);
        assertThat(g.pathTo(c)).containsExactly(r, a, c);
        assertThat(g.value(a)).isNaN();
        g.setStats(a, 4, 0.25);
        g.setValue(a, 0.5);
        g.setReward(b, -1);
        g.markPruned(b);
        NodeView v = g.node(a);
        assertThat(v.visits()).isEqualTo(4);
        assertThat(v.q()).isEqualTo(0.25);
        assertThat(v.prior()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(g.node(b).pruned()).isTrue();
        assertThat(g.node(b).terminal()).isTrue();
        assertThat(g.node(b).reward()).isEqualTo(-1.0);
    }

    @Test
    void aggregateMakesADagThatJGraphTSees() {
        ReasoningGraph g = new ReasoningGraph();
        int r = g.addRoot("p", null, false);
        int a = g.addChild(r, "a", null, 0.5, false);
        int b = g.addChild(r, "b", null, 0.5, false);
        int m = g.addChild(a, "merged", null, 1, false);
        g.addParent(m, b);
        g.addParent(m, b);
        assertThat(g.parents(m)).containsExactly(a, b);
        Graph<Integer, DefaultEdge> jg = g.asGraph();
        assertThat(jg.vertexSet()).hasSize(4);
        assertThat(jg.edgeSet()).hasSize(4);
        assertThat(jg.inDegreeOf(m)).isEqualTo(2);
        assertThat(new CycleDetector<>(jg).detectCycles()).isFalse();
    }

    @Test
    void growsPastItsInitialCapacityAndRejectsUnknownIds() {
        ReasoningGraph g = new ReasoningGraph(16);
        int r = g.addRoot("p", null, false);
        for (int i = 0; i < 10_000; i++) {
            g.addChild(i == 0 ? r : i, "n" + i, null, 1, false);
        }
        assertThat(g.size()).isEqualTo(10_001);
        assertThat(g.depth(10_000)).isEqualTo(10_000);
        assertThatThrownBy(() -> g.addChild(20_000, "x", null, 1, false)).hasMessageContaining("no node 20000");
        assertThatThrownBy(() -> g.addRoot("again", null, false)).isInstanceOf(IllegalStateException.class);
    }
}
