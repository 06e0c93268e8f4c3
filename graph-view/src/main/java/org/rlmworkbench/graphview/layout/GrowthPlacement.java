package org.rlmworkbench.graphview.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Cheap placement between two jungrapht layouts: where newly shown nodes go while the full layout
 * is computed on a worker thread, and how tightly a layout packs siblings (which decides how much
 * of a card fits on screen).
 */
public final class GrowthPlacement {

    private GrowthPlacement() {
    }

    /**
     * The current layout without the nodes no longer shown, and with each newly shown node placed one
     * level below its parent, side by side with its new siblings; null when nothing changed or
     * nothing was placed before.
     */
    public static NodeLayout provisional(NodeLayout layout, LayoutInput in, LayoutSettings layoutSettings) {
        if (layout.size() == 0) {
            return null;
        }
        int n = in.size();
        double[] x = Arrays.copyOf(layout.x(), n);
        double[] y = Arrays.copyOf(layout.y(), n);
        if (n > layout.size()) {
            Arrays.fill(x, layout.size(), n, Double.NaN);
            Arrays.fill(y, layout.size(), n, Double.NaN);
        }
        double slotW = layoutSettings.cardWidth() + layoutSettings.gapX();
        double slotH = layoutSettings.cardHeight() + layoutSettings.gapY();
        Map<Integer, Integer> newKids = new HashMap<>();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            boolean show = in.visible()[i];
            if (!show) {
                any |= !Double.isNaN(x[i]);
                x[i] = Double.NaN;
                y[i] = Double.NaN;
            } else if (Double.isNaN(x[i])) {
                int p = in.parent()[i];
                if (p < 0 || Double.isNaN(x[p])) {
                    return null;
                }
                int k = newKids.merge(p, 1, Integer::sum) - 1;
                x[i] = x[p] + (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * slotW;
                y[i] = y[p] + slotH;
                any = true;
            }
        }
        return any ? NodeLayout.of(x, y) : null;
    }

    /**
     * The lower quartile of the distance between neighbouring siblings, over the card slot, capped
     * at 1; sampled over at most 4,000 nodes.
     */
    public static double packing(NodeLayout l, LayoutInput in, LayoutSettings layoutSettings) {
        double slot = layoutSettings.cardWidth() + layoutSettings.gapX();
        int n = in.size();
        int step = Math.max(1, n / 4_000);
        int[] lastChild = new int[n];
        Arrays.fill(lastChild, -1);
        double[] d = new double[n / step + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = in.parent()[i];
            if (p < 0 || !l.placed(i)) {
                continue;
            }
            int prev = lastChild[p];
            lastChild[p] = i;
            if (prev >= 0 && l.placed(prev) && i % step == 0 && k < d.length) {
                d[k++] = Math.hypot(l.x()[i] - l.x()[prev], l.y()[i] - l.y()[prev]);
            }
        }
        if (k == 0) {
            return 1;
        }
        Arrays.sort(d, 0, k);
        return Math.max(0.02, Math.min(1, d[k / 4] / slot));
    }
}
