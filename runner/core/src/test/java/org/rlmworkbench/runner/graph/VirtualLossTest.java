package org.rlmworkbench.runner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class VirtualLossTest {

    @Test
    void inFlightSimulationsCountAsLostVisits() {
        VirtualLoss vl = VirtualLoss.alphaZero(3);
        // N = 2, Q = 0.5, one simulation in flight: 3 virtual visits of -1
        assertThat(vl.visits(2, 1)).isEqualTo(5);
        assertThat(vl.q(0.5, 2, 1)).isCloseTo((2 * 0.5 - 3) / 5.0, offset(1e-12));
        // an unvisited node in flight reads as a loss
        assertThat(vl.q(0.0, 0, 2)).isEqualTo(-1.0);
    }

    @Test
    void nothingInFlightGivesTheRealStatisticsBitForBit() {
        VirtualLoss vl = VirtualLoss.alphaZero(3);
        double q = 0.1 + 0.2; // not exactly representable: any arithmetic would show
        assertThat(vl.q(q, 7, 0)).isEqualTo(q);
        assertThat(vl.visits(7, 0)).isEqualTo(7);
        assertThat(VirtualLoss.alphaZero(0).q(q, 7, 4)).isEqualTo(q);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> VirtualLoss.alphaZero(-1)).hasMessageContaining("n_vl");
        assertThatThrownBy(() -> new VirtualLoss(1, -2)).hasMessageContaining("[-1, 1]");
    }

    @Test
    void theGraphCountsInFlightSimulationsAlongAPathAndTakesThemBack() {
        ReasoningGraph g = new ReasoningGraph();
        int root = g.addRoot("r", "r", false);
        int a = g.addChild(root, "a", "a", 0.5, false);
        int b = g.addChild(a, "b", "b", 1.0, false);
        long version = g.version();
        g.addInFlight(new int[] {b, a, root});
        g.addInFlight(new int[] {a, root});
        assertThat(g.inFlight(root)).isEqualTo(2);
        assertThat(g.inFlight(a)).isEqualTo(2);
        assertThat(g.inFlight(b)).isEqualTo(1);
        assertThat(g.anyInFlight()).isTrue();
        assertThat(g.version()).isEqualTo(version);
        g.removeInFlight(new int[] {b, a, root});
        g.removeInFlight(new int[] {a, root});
        assertThat(g.anyInFlight()).isFalse();
        assertThatThrownBy(() -> g.removeInFlight(new int[] {a, root})).hasMessageContaining("node " + a);
        assertThat(g.inFlight(root)).isZero();
    }
}
