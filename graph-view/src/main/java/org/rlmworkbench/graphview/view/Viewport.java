package org.rlmworkbench.graphview.view;

/**
 * Maps world coordinates (the layout's) to screen pixels: {@code screen = world * scale + translate}.
 * Mutable, confined to the JavaFX thread.
 */
public final class Viewport {

    /** Closest and farthest zoom. */
    public static final double MIN_SCALE = 0.002;
    public static final double MAX_SCALE = 4.0;

    private double scale = 1.0;
    private double tx;
    private double ty;

    public double scale() {
        return scale;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    public double toScreenX(double wx) {
        return wx * scale + tx;
    }

    public double toScreenY(double wy) {
        return wy * scale + ty;
    }

    public double toWorldX(double sx) {
        return (sx - tx) / scale;
    }

    public double toWorldY(double sy) {
        return (sy - ty) / scale;
    }

    public void set(double newScale, double newTx, double newTy) {
        scale = clamp(newScale);
        tx = newTx;
        ty = newTy;
    }

    /** Moves the picture by a screen distance. */
    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Zooms by {@code factor}, keeping the world point under screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        scale = clamp(scale * factor);
        tx = sx - wx * scale;
        ty = sy - wy * scale;
    }

    /** Shows the world rectangle centred in a screen of the given size, with a margin in pixels. */
    public void fit(double minX, double minY, double maxX, double maxY, double width, double height, double margin) {
        fit(minX, minY, maxX, maxY, width, height, margin, 1.0);
    }

    /** As {@link #fit(double, double, double, double, double, double, double)}, enlarging up to {@code maxScale}. */
    public void fit(double minX, double minY, double maxX, double maxY, double width, double height, double margin,
            double maxScale) {
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        double s = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
        scale = clamp(Math.min(s, maxScale));
        tx = width / 2 - (minX + maxX) / 2 * scale;
        ty = height / 2 - (minY + maxY) / 2 * scale;
    }

    /** Puts world point (wx, wy) in the middle of a screen of the given size. */
    public void centreOn(double wx, double wy, double width, double height) {
        tx = width / 2 - wx * scale;
        ty = height / 2 - wy * scale;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
