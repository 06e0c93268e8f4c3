package org.rlmworkbench.graphview.view;

import javafx.scene.paint.Color;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * What a node's colour means: Q where the search keeps visit statistics (MCTS), else the value a
 * value model gave (beam search, Tree of Thoughts), else the reward. The legend names it.
 */
enum ColorBy {
    Q("Q (mean value)"),
    VALUE("V (value of the state)"),
    REWARD("R (reward)");

    private final String title;

    ColorBy(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** The meaning for graph {@code g}: Q once any node has been visited. */
    static ColorBy of(ReasoningGraph g) {
        int n = g.size();
        if (n == 0 || g.visits(0) > 0) {
            return Q;
        }
        boolean values = false;
        boolean rewards = false;
        for (int i = 0; i < n; i++) {
            if (g.visits(i) > 0) {
                return Q;
            }
            values |= !Double.isNaN(g.value(i));
            rewards |= !Double.isNaN(g.reward(i));
        }
        return values ? VALUE : rewards ? REWARD : Q;
    }

    /** The fill of node {@code i}, whose Q and visits as shown are {@code q} and {@code visits}. */
    Color fill(QColorScale scale, ReasoningGraph g, int i, double q, int visits) {
        return switch (this) {
            case Q -> scale.color(q, visits);
            case VALUE -> shade(scale, g.value(i));
            case REWARD -> shade(scale, g.reward(i));
        };
    }

    private static Color shade(QColorScale scale, double v) {
        return Double.isNaN(v) ? QColorScale.UNVISITED : QColorScale.stepColor(scale.step(v));
    }
}
