package org.rlmworkbench.graphview.layout;

import java.util.Arrays;

/**
 * Centre coordinates of laid-out nodes, indexed by node id, in world units (one unit is one pixel
 * at zoom 1). Nodes that were not laid out (hidden) have NaN coordinates.
 *
 * @param x centre x per node id
 * @param y centre y per node id
 * @param minX smallest laid-out x
 * @param minY smallest laid-out y
 * @param maxX largest laid-out x
 * @param maxY largest laid-out y
 */
public record NodeLayout(double[] x, double[] y, double minX, double minY, double maxX, double maxY) {

    /** A layout of nothing. */
    public static NodeLayout empty() {
        return new NodeLayout(new double[0], new double[0], 0, 0, 0, 0);
    }

    /** Wraps coordinate arrays, computing the bounds over the non-NaN entries. */
    public static NodeLayout of(double[] x, double[] y) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        if (x0 > x1) {
            return new NodeLayout(x, y, 0, 0, 0, 0);
        }
        return new NodeLayout(x, y, x0, y0, x1, y1);
    }

    public int size() {
        return x.length;
    }

    /** Whether node {@code id} has a place. */
    public boolean placed(int id) {
        return id >= 0 && id < x.length && !Double.isNaN(x[id]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeLayout l && Arrays.equals(x, l.x) && Arrays.equals(y, l.y);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "NodeLayout[" + x.length + " nodes, x " + minX + ".." + maxX + ", y " + minY + ".." + maxY + "]";
    }
}
