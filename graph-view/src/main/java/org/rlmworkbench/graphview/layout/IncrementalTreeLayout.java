package org.rlmworkbench.graphview.layout;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Updates a tidy-tree layout after the tree grew, without running jungrapht's algorithm again: only
 * the subtrees that gained nodes and their ancestors are re-placed; every other subtree keeps its
 * shape from the previous layout and is at most shifted sideways as a whole.
 *
 * <p>Bottom-up along the changed paths, each changed node's children are set side by side: a child
 * goes where the previous layout had it relative to its left sibling, or further right when its
 * (grown) subtree would come closer than one card slot to the subtrees on its left at any depth
 * (contours, as in the Reingold-Tilford tidy tree). The parent is then centred over its first and
 * last child, as jungrapht's tidy tree does. The root keeps its place. The result keeps the tidy
 * tree's invariants (children one level below their parent, no two cards of a row closer than a
 * slot, parents centred, siblings in order) and the left-to-right order of every row that a full
 * layout gives; sibling gaps may be wider than a fresh layout would make them.
 *
 * <p>Cost: linear in the number of nodes for the snapshot, plus the changed paths and the subtrees
 * hanging off them; a few milliseconds for 10 new nodes on a 10,000-node tree where jungrapht takes
 * hundreds. Pure computation without JavaFX.
 */
public final class IncrementalTreeLayout {

    private IncrementalTreeLayout() {
    }

    /**
     * {@code old} (a TREE layout of an earlier snapshot) updated to {@code in}; null when the change
     * is not a pure growth of a single tree under nodes that were placed before (nodes hidden,
     * several roots, a new root, or nothing new): then a full layout is needed.
     */
    public static NodeLayout grow(NodeLayout old, LayoutInput in, LayoutSettings settings) {
        int n = in.size();
        int oldN = old.size();
        if (oldN == 0) {
            return null;
        }
        boolean[] vis = in.visible();
        int[] parent = in.parent();
        double[] ox = old.x();
        double[] oy = old.y();
        int root = -1;
        int added = 0;
        double levelH = Double.NaN;
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            boolean placed = i < oldN && !Double.isNaN(ox[i]);
            if (!vis[i]) {
                if (placed) {
                    return null; // a node went away: a full layout closes the gap
                }
                continue;
            }
            int p = parent[i];
            if (p < 0 || !vis[p]) {
                if (root >= 0 || !placed) {
                    return null; // a forest or a new root
                }
                root = i;
                continue;
            }
            childCount[p]++;
            if (!placed) {
                added++;
            } else if (Double.isNaN(levelH) && p < oldN && !Double.isNaN(ox[p])) {
                levelH = oy[i] - oy[p];
            }
        }
        if (added == 0 || root < 0) {
            return null;
        }
        if (Double.isNaN(levelH)) {
            levelH = settings.cardHeight() + settings.gapY();
        }
        double sep = settings.cardWidth() + settings.gapX();

        // children of each visible node, in sibling order (compressed rows)
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + childCount[i];
        }
        int[] kids = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            if (vis[i] && i != root) {
                kids[fill[parent[i]]++] = i;
            }
        }
        if (in.order() != null) {
            int[] order = in.order();
            for (int v = 0; v < n; v++) {
                if (childCount[v] > 1) {
                    Integer[] row = new Integer[childCount[v]];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = kids[start[v] + k];
                    }
                    Arrays.sort(row, Comparator.comparingInt(c -> order[c]));
                    for (int k = 0; k < row.length; k++) {
                        kids[start[v] + k] = row[k];
                    }
                }
            }
        }

        // changed nodes: the new ones and all their ancestors
        boolean[] dirty = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (vis[i] && (i >= oldN || Double.isNaN(ox[i]))) {
                for (int v = i; v >= 0 && !dirty[v]; v = v == root ? -1 : parent[v]) {
                    dirty[v] = true;
                }
            }
        }
        // changed nodes in preorder from the root
        int[] pre = new int[n];
        int preN = 0;
        int[] stack = new int[n];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int v = stack[--sp];
            pre[preN++] = v;
            for (int k = start[v + 1] - 1; k >= start[v]; k--) {
                if (dirty[kids[k]]) {
                    stack[sp++] = kids[k];
                }
            }
        }

        // bottom-up: place each changed node's children relative to it, keep its contour
        double[] relX = new double[n];
        double[][] contourL = new double[n][];
        double[][] contourR = new double[n][];
        Contour scratch = new Contour();
        for (int j = preN - 1; j >= 0; j--) {
            int v = pre[j];
            int k0 = start[v];
            int k1 = start[v + 1];
            if (k0 == k1) {
                contourL[v] = new double[] {0};
                contourR[v] = new double[] {0};
                continue;
            }
            double[] accL = null;
            double[] accR = null;
            double[] pos = new double[k1 - k0];
            for (int k = k0; k < k1; k++) {
                int c = kids[k];
                double[] cl;
                double[] cr;
                if (dirty[c]) {
                    cl = contourL[c];
                    cr = contourR[c];
                    contourL[c] = null;
                    contourR[c] = null;
                } else {
                    scratch.of(c, ox, start, kids, stack);
                    cl = Arrays.copyOf(scratch.left, scratch.depth);
                    cr = Arrays.copyOf(scratch.right, scratch.depth);
                }
                if (accL == null) {
                    accL = cl.clone();
                    accR = cr.clone();
                    continue;
                }
                int i = k - k0;
                double p = Double.NEGATIVE_INFINITY;
                for (int d = 0; d < Math.min(accR.length, cl.length); d++) {
                    p = Math.max(p, accR[d] + sep - cl[d]);
                }
                int prev = kids[k - 1];
                if (wasPlaced(prev, ox) && wasPlaced(c, ox)) {
                    p = Math.max(p, pos[i - 1] + (ox[c] - ox[prev]));
                }
                pos[i] = p;
                if (cl.length > accL.length) {
                    int had = accL.length;
                    accL = Arrays.copyOf(accL, cl.length);
                    accR = Arrays.copyOf(accR, cl.length);
                    Arrays.fill(accL, had, cl.length, Double.POSITIVE_INFINITY);
                    Arrays.fill(accR, had, cl.length, Double.NEGATIVE_INFINITY);
                }
                for (int d = 0; d < cl.length; d++) {
                    accL[d] = Math.min(accL[d], p + cl[d]);
                    accR[d] = Math.max(accR[d], p + cr[d]);
                }
            }
            double mid = (pos[0] + pos[pos.length - 1]) / 2;
            for (int k = k0; k < k1; k++) {
                relX[kids[k]] = pos[k - k0] - mid;
            }
            double[] l = new double[accL.length + 1];
            double[] r = new double[accR.length + 1];
            for (int d = 0; d < accL.length; d++) {
                l[d + 1] = accL[d] - mid;
                r[d + 1] = accR[d] - mid;
            }
            contourL[v] = l;
            contourR[v] = r;
        }

        // top-down: absolute places; unchanged subtrees move as a whole
        double[] x = Arrays.copyOf(ox, n);
        double[] y = Arrays.copyOf(oy, n);
        if (n > oldN) {
            Arrays.fill(x, oldN, n, Double.NaN);
            Arrays.fill(y, oldN, n, Double.NaN);
        }
        for (int j = 0; j < preN; j++) {
            int v = pre[j];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int c = kids[k];
                double nx = x[v] + relX[c];
                if (dirty[c]) {
                    x[c] = nx;
                    y[c] = y[v] + levelH;
                } else {
                    double dx = nx - ox[c];
                    if (dx != 0) {
                        shift(c, dx, x, start, kids, stack);
                    }
                }
            }
        }
        return NodeLayout.of(x, y);
    }

    private static boolean wasPlaced(int id, double[] ox) {
        return id < ox.length && !Double.isNaN(ox[id]);
    }

    /** Moves the subtree under {@code c} sideways by {@code dx}. */
    private static void shift(int c, double dx, double[] x, int[] start, int[] kids, int[] stack) {
        int sp = 0;
        stack[sp++] = c;
        while (sp > 0) {
            int v = stack[--sp];
            x[v] += dx;
            for (int k = start[v]; k < start[v + 1]; k++) {
                stack[sp++] = kids[k];
            }
        }
    }

    /** Left and right contour of an unchanged subtree, per depth, relative to its root's x. */
    private static final class Contour {
        double[] left = new double[64];
        double[] right = new double[64];
        int[] depthOf = new int[64];
        int depth;

        void of(int c, double[] ox, int[] start, int[] kids, int[] stack) {
            depth = 0;
            double x0 = ox[c];
            int sp = 0;
            stack[sp] = c;
            ensure(sp);
            depthOf[sp++] = 0;
            while (sp > 0) {
                sp--;
                int v = stack[sp];
                int d = depthOf[sp];
                double rx = ox[v] - x0;
                if (d >= depth) {
                    if (d >= left.length) {
                        left = Arrays.copyOf(left, left.length * 2);
                        right = Arrays.copyOf(right, right.length * 2);
                    }
                    left[d] = rx;
                    right[d] = rx;
                    depth = d + 1;
                } else {
                    left[d] = Math.min(left[d], rx);
                    right[d] = Math.max(right[d], rx);
                }
                for (int k = start[v]; k < start[v + 1]; k++) {
                    ensure(sp);
                    stack[sp] = kids[k];
                    depthOf[sp++] = d + 1;
                }
            }
        }

        private void ensure(int sp) {
            if (sp >= depthOf.length) {
                depthOf = Arrays.copyOf(depthOf, depthOf.length * 2);
            }
        }
    }
}
