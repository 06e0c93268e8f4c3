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
 */
public record Frame(ReasoningGraph graph, double[] x, double[] y, float[] alpha, boolean[] visible,
                    BitSet collapsed, int selected, BitSet bestPath, BitSet matches, List<Effect> effects,
                    long now, Viewport viewport, double width, double height, QColorScale colors,
                    LayoutSettings card, boolean showLegend) {

    /** Number of nodes the arrays cover (the graph may have grown since). */
    public int count() {
        return Math.min(graph.size(), Math.min(x.length, visible.length));
    }

    public boolean shown(int id) {
        return id >= 0 && id < count() && visible[id] && !Double.isNaN(x[id]);
    }
}
