package org.rlmworkbench.graphview.view;

import java.util.Arrays;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * A uniform grid over the shown nodes' positions, rebuilt once per layout, so that a frame visits
 * only the nodes and edges near the viewport instead of every node. Each node is filed in the
 * cells that the box around it and its first parent covers (so its edge is found too); nodes whose
 * edge spans many cells are kept in a short list that every query returns. Valid only while the
 * positions it was built from stay put (not during a glide).
 */
final class SpatialIndex {

    /** An edge box covering more cells than this goes to the long-edge list. */
    private static final int MAX_CELLS_PER_NODE = 16;

    private final int n;
    private final double x0;
    private final double y0;
    private final double cellW;
    private final double cellH;
    private final int cols;
    private final int rows;
    private final int[] start;
    private final int[] items;
    private final int[] longEdges;
    private final int[] aggregated;
    private final int[] stamp;
    private int stampNow;

    private SpatialIndex(int n, double x0, double y0, double cellW, double cellH, int cols, int rows, int[] start,
                         int[] items, int[] longEdges, int[] aggregated) {
        this.n = n;
        this.x0 = x0;
        this.y0 = y0;
        this.cellW = cellW;
        this.cellH = cellH;
        this.cols = cols;
        this.rows = rows;
        this.start = start;
        this.items = items;
        this.longEdges = longEdges;
        this.aggregated = aggregated;
        this.stamp = new int[n];
    }

    /** Indexes the first {@code n} nodes at (x, y) that are visible and placed. */
    static SpatialIndex build(ReasoningGraph g, double[] x, double[] y, boolean[] visible, int n) {
        return build(g, x, y, null, null, visible, n);
    }

    /**
     * Indexes the first {@code n} nodes at (x, y) that are visible and placed, each by the box that
     * also holds its start (x2, y2) and its parent's, so that the index stays valid while the nodes
     * glide in straight lines from (x2, y2) to (x, y); x2 null for settled nodes.
     */
    static SpatialIndex build(ReasoningGraph g, double[] x, double[] y, double[] x2, double[] y2, boolean[] visible,
                              int n) {
        int m = 0;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        int aggregatedCount = 0;
        for (int i = 0; i < n; i++) {
            if (shown(i, x, visible, n)) {
                m++;
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
                if (x2 != null && !Double.isNaN(x2[i])) {
                    minX = Math.min(minX, x2[i]);
                    maxX = Math.max(maxX, x2[i]);
                    minY = Math.min(minY, y2[i]);
                    maxY = Math.max(maxY, y2[i]);
                }
                if (g.isAggregated(i)) {
                    aggregatedCount++;
                }
            }
        }
        if (m == 0) {
            return new SpatialIndex(n, 0, 0, 1, 1, 1, 1, new int[2], new int[0], new int[0], new int[0]);
        }
        double w = maxX - minX + 1;
        double h = maxY - minY + 1;
        int cols = (int) Math.max(1, Math.min(Math.max(1, m), Math.ceil(Math.sqrt(m * w / h))));
        int rows = (int) Math.max(1, Math.min(Math.max(1, m), Math.ceil(m / (double) cols)));
        double cellW = w / cols;
        double cellH = h / rows;
        int[] count = new int[cols * rows + 1];
        int[] box = new int[4];
        int longCount = 0;
        int[] aggregated = new int[aggregatedCount];
        int a = 0;
        // pass 1: count
        for (int i = 0; i < n; i++) {
            if (!shown(i, x, visible, n)) {
                continue;
            }
            if (g.isAggregated(i)) {
                aggregated[a++] = i;
            }
            if (!cells(g, x, y, x2, y2, visible, n, i, minX, minY, cellW, cellH, cols, rows, box)) {
                longCount++;
                continue;
            }
            for (int r = box[1]; r <= box[3]; r++) {
                for (int c = box[0]; c <= box[2]; c++) {
                    count[r * cols + c + 1]++;
                }
            }
        }
        for (int k = 1; k < count.length; k++) {
            count[k] += count[k - 1];
        }
        int[] start = count;
        int[] items = new int[start[start.length - 1]];
        int[] fill = Arrays.copyOf(start, start.length - 1);
        int[] longEdges = new int[longCount];
        int l = 0;
        // pass 2: fill
        for (int i = 0; i < n; i++) {
            if (!shown(i, x, visible, n)) {
                continue;
            }
            if (!cells(g, x, y, x2, y2, visible, n, i, minX, minY, cellW, cellH, cols, rows, box)) {
                longEdges[l++] = i;
                continue;
            }
            for (int r = box[1]; r <= box[3]; r++) {
                for (int c = box[0]; c <= box[2]; c++) {
                    items[fill[r * cols + c]++] = i;
                }
            }
        }
        return new SpatialIndex(n, minX, minY, cellW, cellH, cols, rows, start, items, longEdges, aggregated);
    }

    private static boolean shown(int i, double[] x, boolean[] visible, int n) {
        return i < n && visible[i] && !Double.isNaN(x[i]);
    }

    /** The cell range of node {@code i} with its parent edge; false when it covers too many cells. */
    private static boolean cells(ReasoningGraph g, double[] x, double[] y, double[] x2, double[] y2,
                                 boolean[] visible, int n, int i, double minX, double minY, double cellW, double cellH,
                                 int cols, int rows, int[] box) {
        double ax = x[i], bx = x[i], ay = y[i], by = y[i];
        if (x2 != null && !Double.isNaN(x2[i])) {
            ax = Math.min(ax, x2[i]);
            bx = Math.max(bx, x2[i]);
            ay = Math.min(ay, y2[i]);
            by = Math.max(by, y2[i]);
        }
        int p = g.parent(i);
        if (p >= 0 && shown(p, x, visible, n)) {
            ax = Math.min(ax, x[p]);
            bx = Math.max(bx, x[p]);
            ay = Math.min(ay, y[p]);
            by = Math.max(by, y[p]);
            if (x2 != null && !Double.isNaN(x2[p])) {
                ax = Math.min(ax, x2[p]);
                bx = Math.max(bx, x2[p]);
                ay = Math.min(ay, y2[p]);
                by = Math.max(by, y2[p]);
            }
        }
        box[0] = clamp((int) ((ax - minX) / cellW), cols);
        box[2] = clamp((int) ((bx - minX) / cellW), cols);
        box[1] = clamp((int) ((ay - minY) / cellH), rows);
        box[3] = clamp((int) ((by - minY) / cellH), rows);
        return (long) (box[2] - box[0] + 1) * (box[3] - box[1] + 1) <= MAX_CELLS_PER_NODE;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** Number of nodes this index was built over. */
    int size() {
        return n;
    }

    /** DAG nodes (Aggregate), whose extra edges the painter checks one by one. */
    int[] aggregated() {
        return aggregated;
    }

    /**
     * Ids, ascending, of the nodes that lie in the world box or whose first-parent edge may cross
     * it (a superset: the painter still tests each one).
     */
    int[] query(double qx0, double qy0, double qx1, double qy1) {
        if (++stampNow == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            stampNow = 1;
        }
        int c0 = clamp((int) Math.floor((qx0 - x0) / cellW), cols);
        int c1 = clamp((int) Math.floor((qx1 - x0) / cellW), cols);
        int r0 = clamp((int) Math.floor((qy0 - y0) / cellH), rows);
        int r1 = clamp((int) Math.floor((qy1 - y0) / cellH), rows);
        if (qx1 < x0 || qy1 < y0 || qx0 > x0 + cellW * cols || qy0 > y0 + cellH * rows) {
            c1 = c0 - 1; // nothing in the grid; only long edges may cross
        }
        int k = 0;
        int[] out = new int[64];
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * cols + c;
                for (int j = start[cell]; j < start[cell + 1]; j++) {
                    int id = items[j];
                    if (stamp[id] != stampNow) {
                        stamp[id] = stampNow;
                        if (k == out.length) {
                            out = Arrays.copyOf(out, k * 2);
                        }
                        out[k++] = id;
                    }
                }
            }
        }
        for (int id : longEdges) {
            if (stamp[id] != stampNow) {
                stamp[id] = stampNow;
                if (k == out.length) {
                    out = Arrays.copyOf(out, k * 2);
                }
                out[k++] = id;
            }
        }
        if (k > n / 16) {
            // many: a pass over the stamps is cheaper than sorting
            int[] all = new int[k];
            int j = 0;
            for (int id = 0; id < n && j < k; id++) {
                if (stamp[id] == stampNow) {
                    all[j++] = id;
                }
            }
            return all;
        }
        int[] res = Arrays.copyOf(out, k);
        Arrays.sort(res);
        return res;
    }
}
