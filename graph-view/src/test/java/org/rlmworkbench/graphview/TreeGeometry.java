package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;

/** Geometry checks on layouts. */
final class TreeGeometry {

    private TreeGeometry() {
    }

    /** No two placed cards intersect: sorted by (y, x), neighbours in a row are a card apart, rows too. */
    static void assertNoOverlap(NodeLayout l, LayoutSettings s, int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (l.placed(i)) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.<Integer>comparingDouble(i -> l.y()[i]).thenComparingDouble(i -> l.x()[i]));
        double w = s.cardWidth();
        double h = s.cardHeight();
        for (int k = 1; k < ids.size(); k++) {
            int a = ids.get(k - 1);
            int b = ids.get(k);
            double dy = Math.abs(l.y()[b] - l.y()[a]);
            if (dy < h) {
                assertThat(dy).as("nodes %d and %d share a row", a, b).isLessThan(1e-6);
                assertThat(l.x()[b] - l.x()[a]).as("gap between %d and %d", a, b).isGreaterThanOrEqualTo(w);
            }
        }
    }
}
