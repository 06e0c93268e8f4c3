package org.rlmworkbench.graphview.view;

import java.util.Arrays;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * Smooth growth: when a new layout arrives, nodes already on screen glide from where they are to
 * their new places, and newly shown nodes fade in moving out from their parent. Positions are
 * interpolated with an ease-in-out curve over a fixed duration.
 */
public final class Motion {

    private double[] fromX = new double[0];
    private double[] fromY = new double[0];
    private double[] toX = new double[0];
    private double[] toY = new double[0];
    private double[] curX = new double[0];
    private double[] curY = new double[0];
    private float[] alpha = new float[0];
    /** Opacity at the start of the running transition: a fade cut short by a new layout goes on from there. */
    private float[] fromAlpha = new float[0];
    private boolean[] fading = new boolean[0];
    private long start;
    private long duration;
    private boolean moving;

    public double[] x() {
        return curX;
    }

    public double[] y() {
        return curY;
    }

    /** Where the running transition started, per node (meaningful where the target is placed). */
    double[] fromX() {
        return fromX;
    }

    double[] fromY() {
        return fromY;
    }

    public float[] alpha() {
        return alpha;
    }

    public boolean moving() {
        return moving;
    }

    /**
     * Starts a transition to {@code target}.
     *
     * @param durationNanos 0 to jump there at once
     */
    public void retarget(NodeLayout target, ReasoningGraph g, long now, long durationNanos) {
        int n = target.size();
        grow(n);
        for (int i = 0; i < n; i++) {
            double tx = target.x()[i];
            double ty = target.y()[i];
            toX[i] = tx;
            toY[i] = ty;
            if (Double.isNaN(tx)) {
                curX[i] = Double.NaN;
                curY[i] = Double.NaN;
                fading[i] = false;
                continue;
            }
            if (Double.isNaN(curX[i])) {
                int p = i < g.size() ? g.parent(i) : -1;
                boolean fromParent = p >= 0 && p < n && !Double.isNaN(curX[p]);
                fromX[i] = fromParent ? curX[p] : tx;
                fromY[i] = fromParent ? curY[p] : ty;
                alpha[i] = 0;
                fromAlpha[i] = 0;
                fading[i] = true;
            } else {
                fromAlpha[i] = alpha[i];
                fromX[i] = curX[i];
                fromY[i] = curY[i];
            }
        }
        start = now;
        duration = durationNanos;
        moving = true;
        step(now);
    }

    /**
     * Advances to time {@code now}.
     *
     * @return whether the transition is still running
     */
    public boolean step(long now) {
        if (!moving) {
            return false;
        }
        double t = duration <= 0 ? 1 : Math.min(1, (now - start) / (double) duration);
        double e = t * t * (3 - 2 * t);
        for (int i = 0; i < toX.length; i++) {
            if (Double.isNaN(toX[i])) {
                continue;
            }
            curX[i] = fromX[i] + (toX[i] - fromX[i]) * e;
            curY[i] = fromY[i] + (toY[i] - fromY[i]) * e;
            if (fading[i]) {
                alpha[i] = (float) (fromAlpha[i] + (1 - fromAlpha[i]) * e);
                if (t >= 1) {
                    fading[i] = false;
                }
            }
        }
        moving = t < 1;
        return moving;
    }

    /** Makes room for {@code n} nodes; new slots are unplaced (NaN) and opaque. */
    public void grow(int n) {
        if (n <= curX.length) {
            return;
        }
        int old = curX.length;
        fromX = Arrays.copyOf(fromX, n);
        fromY = Arrays.copyOf(fromY, n);
        toX = Arrays.copyOf(toX, n);
        toY = Arrays.copyOf(toY, n);
        curX = Arrays.copyOf(curX, n);
        curY = Arrays.copyOf(curY, n);
        alpha = Arrays.copyOf(alpha, n);
        fromAlpha = Arrays.copyOf(fromAlpha, n);
        fading = Arrays.copyOf(fading, n);
        Arrays.fill(curX, old, n, Double.NaN);
        Arrays.fill(curY, old, n, Double.NaN);
        Arrays.fill(toX, old, n, Double.NaN);
        Arrays.fill(toY, old, n, Double.NaN);
        Arrays.fill(alpha, old, n, 1f);
    }
}
