package org.rlmworkbench.graphview.view;

import javafx.scene.paint.Color;

/**
 * A diverging colour scale for Q: red below the midpoint, a pale neutral at it, green above
 * (ColorBrewer RdYlGn end points). Unvisited nodes get a neutral grey instead.
 *
 * @param min the value shown fully red
 * @param mid the neutral value
 * @param max the value shown fully green
 */
public record QColorScale(double min, double mid, double max) {

    static final Color LOW = Color.web("#d73027");
    static final Color NEUTRAL = Color.web("#f7f4d6");
    static final Color HIGH = Color.web("#1a9850");
    static final Color UNVISITED = Color.web("#d9dde3");
    /** Number of discrete steps, so that painters can batch by colour. */
    public static final int STEPS = 21;

    public QColorScale {
        if (!(min < mid && mid < max)) {
            throw new IllegalArgumentException("need min < mid < max, got " + min + ", " + mid + ", " + max);
        }
    }

    /** [-1, 1] around 0, for values and rewards that can be negative. */
    public static QColorScale symmetric() {
        return new QColorScale(-1, 0, 1);
    }

    /** [0, 1] around 0.5, for probabilities of success. */
    public static QColorScale unit() {
        return new QColorScale(0, 0.5, 1);
    }

    /** The step (0..STEPS-1) of value {@code q}. */
    public int step(double q) {
        double t;
        if (q <= mid) {
            t = 0.5 * (Math.max(min, q) - min) / (mid - min);
        } else {
            t = 0.5 + 0.5 * (Math.min(max, q) - mid) / (max - mid);
        }
        return (int) Math.round(t * (STEPS - 1));
    }

    /** Colour of step {@code s}. */
    public static Color stepColor(int s) {
        return Steps.COLORS[s];
    }

    /** The step colours, made once: painting asks for one per node and frame. */
    private static final class Steps {
        static final Color[] COLORS = new Color[STEPS];

        static {
            for (int s = 0; s < STEPS; s++) {
                double t = s / (double) (STEPS - 1);
                COLORS[s] = t <= 0.5 ? LOW.interpolate(NEUTRAL, t * 2) : NEUTRAL.interpolate(HIGH, (t - 0.5) * 2);
            }
        }
    }

    /** Colour of a node with Q {@code q} and {@code visits} visits. */
    public Color color(double q, int visits) {
        return visits == 0 ? UNVISITED : stepColor(step(q));
    }
}
