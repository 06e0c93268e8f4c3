package org.rlmworkbench.graphview.view;

import java.util.BitSet;
import java.util.List;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * Everything one painting needs: the graph, the current (possibly mid-transition) positions and
 * opacities, what is shown and marked, the running effects and the viewport.
 *
 * @param x current centre x per node id (NaN: not placed)
 * @param y current centre y per node id
 * @param alpha current opacity per node id (fade-in)
 * @param visible whether the filter shows a node
 * @param collapsed nodes whose subtrees are folded
 * @param selected the selected node, -1 for none
 * @param bestPath nodes on the best path
 * @param matches nodes matching the search
 * @param level the level of detail to draw
 * @param elbows whether edges are drawn as right-angled elbows (top-down layouts)
 * @param packing typical sibling distance over a card slot (1 for the tidy tree, less when packed)
 * @param index a grid over x and y for culling, or null (the painter then scans every node)
 */
public record Frame(ReasoningGraph graph, double[] x, double[] y, float[] alpha, boolean[] visible,
                    BitSet collapsed, int selected, BitSet bestPath, BitSet matches, List<Effect> effects,
                    long now, Viewport viewport, double width, double height, QColorScale colors,
                    LayoutSettings card, boolean showLegend, DetailLevel level,
                    double packing, boolean elbows, SpatialIndex index) {

    /** A frame without a spatial index: painting scans every node. */
    public Frame(ReasoningGraph graph, double[] x, double[] y, float[] alpha, boolean[] visible,
                 BitSet collapsed, int selected, BitSet bestPath, BitSet matches, List<Effect> effects,
                 long now, Viewport viewport, double width, double height, QColorScale colors,
                 LayoutSettings card, boolean showLegend, DetailLevel level,
                 double packing, boolean elbows) {
        this(graph, x, y, alpha, visible, collapsed, selected, bestPath, matches, effects, now, viewport, width,
                height, colors, card, showLegend, level, packing, elbows, null);
    }

    /**
     * Ids of the nodes to visit for the world box: those near it from the index, or null for all
     * {@link #count()} nodes.
     */
    int[] candidates(double x0, double y0, double x1, double y1) {
        if (index == null || index.size() != count()) {
            return null;
        }
        return index.query(x0, y0, x1, y1);
    }

    /** Number of nodes the arrays cover (the graph may have grown since). */
    public int count() {
        return Math.min(graph.size(), Math.min(x.length, visible.length));
    }

    public boolean shown(int id) {
        return id >= 0 && id < count() && visible[id] && !Double.isNaN(x[id]);
    }
}
