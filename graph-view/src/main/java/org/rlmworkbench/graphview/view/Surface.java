package org.rlmworkbench.graphview.view;

import javafx.scene.paint.Color;

/**
 * The few drawing primitives the graph painter needs, so that one painter draws both the screen
 * (a Canvas) and the SVG export. Coordinates are screen pixels.
 */
public interface Surface {

    void clear(Color background, double width, double height);

    void setAlpha(double alpha);

    void fillRect(double x, double y, double w, double h, double arc, Color fill);

    void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth);

    void fillOval(double cx, double cy, double r, Color fill);

    void strokeOval(double cx, double cy, double r, Color stroke, double lineWidth);

    void line(double x0, double y0, double x1, double y1, Color stroke, double lineWidth);

    /** A cubic curve from (x0, y0) to (x1, y1), vertical tangents at both ends. */
    void curve(double x0, double y0, double x1, double y1, Color stroke, double lineWidth);

    /** Starts a batch of straight lines with one colour and width; {@link #endLines()} draws it. */
    void beginLines(Color stroke, double lineWidth);

    void addLine(double x0, double y0, double x1, double y1);

    void endLines();

    /**
     * Text with its left end at x and baseline at y.
     *
     * @param bold whether to use the bold face
     */
    void text(String s, double x, double y, double size, boolean bold, Color fill);

    /**
     * A pixel buffer for drawing many dots and lines fast, or null when the surface has none (SVG).
     * Used between {@link #beginRaster} and {@link #endRaster}.
     */
    default boolean beginRaster(Color background, double width, double height) {
        return false;
    }

    /** A dot of radius r pixels in the raster; only between beginRaster and endRaster. */
    default void rasterDot(double cx, double cy, double r, Color color) {
        throw new UnsupportedOperationException("no raster");
    }

    /** A one-pixel line in the raster. */
    default void rasterLine(double x0, double y0, double x1, double y1, Color color) {
        throw new UnsupportedOperationException("no raster");
    }

    /** Puts the raster on the surface. */
    default void endRaster() {
    }

    /**
     * A dashed rectangle outline (square corners), drawn as short line segments so that every
     * surface has it: the mark of an invalid, model-written step.
     */
    default void strokeDashedRect(double x, double y, double w, double h, double dash, Color stroke, double lineWidth) {
        double step = Math.max(2, dash);
        double[][] sides = {{x, y, x + w, y}, {x + w, y, x + w, y + h}, {x + w, y + h, x, y + h}, {x, y + h, x, y}};
        for (double[] e : sides) {
            double len = Math.hypot(e[2] - e[0], e[3] - e[1]);
            for (double t = 0; t < len; t += 2 * step) {
                double a = t / len;
                double b = Math.min(len, t + step) / len;
                line(e[0] + (e[2] - e[0]) * a, e[1] + (e[3] - e[1]) * a, e[0] + (e[2] - e[0]) * b,
                        e[1] + (e[3] - e[1]) * b, stroke, lineWidth);
            }
        }
    }

    /** A horizontal colour ramp, for the legend. */
    void ramp(double x, double y, double w, double h, Color[] stops);
}
