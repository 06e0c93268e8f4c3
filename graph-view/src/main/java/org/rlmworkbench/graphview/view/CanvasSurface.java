package org.rlmworkbench.graphview.view;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Draws on a JavaFX Canvas. */
public final class CanvasSurface implements Surface {

    private static final String FAMILY = "System";
    private final GraphicsContext g;
    private final Font[] plain = new Font[64];
    private final Font[] bold = new Font[64];

    private final DotRaster raster;

    public CanvasSurface(GraphicsContext g) {
        this(g, null);
    }

    CanvasSurface(GraphicsContext g, DotRaster raster) {
        this.g = g;
        this.raster = raster;
    }

    @Override
    public boolean beginRaster(Color background, double width, double height) {
        if (raster == null) {
            return false;
        }
        raster.begin((int) Math.ceil(width), (int) Math.ceil(height), background);
        return true;
    }

    @Override
    public void rasterDot(double cx, double cy, double r, Color color) {
        raster.dot(cx, cy, r, DotRaster.argb(color));
    }

    @Override
    public void rasterLine(double x0, double y0, double x1, double y1, Color color) {
        raster.line(x0, y0, x1, y1, DotRaster.argb(color));
    }

    @Override
    public void endRaster() {
        g.setGlobalAlpha(1);
        raster.end(g);
    }

    @Override
    public void clear(Color background, double width, double height) {
        g.setGlobalAlpha(1);
        // clearRect over the whole canvas also drops the commands buffered since the last pulse
        g.clearRect(0, 0, width, height);
        g.setFill(background);
        g.fillRect(0, 0, width, height);
    }

    @Override
    public void setAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        g.setFill(fill);
        if (arc > 0) {
            g.fillRoundRect(x, y, w, h, arc, arc);
        } else {
            g.fillRect(x, y, w, h);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        if (arc > 0) {
            g.strokeRoundRect(x, y, w, h, arc, arc);
        } else {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void fillOval(double cx, double cy, double r, Color fill) {
        g.setFill(fill);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeOval(double cx, double cy, double r, Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void line(double x0, double y0, double x1, double y1, Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void curve(double x0, double y0, double x1, double y1, Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        double my = (y0 + y1) / 2;
        g.beginPath();
        g.moveTo(x0, y0);
        g.bezierCurveTo(x0, my, x1, my, x1, y1);
        g.stroke();
    }

    @Override
    public void beginLines(Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.beginPath();
    }

    @Override
    public void addLine(double x0, double y0, double x1, double y1) {
        g.moveTo(x0, y0);
        g.lineTo(x1, y1);
    }

    @Override
    public void endLines() {
        g.stroke();
    }

    @Override
    public void text(String s, double x, double y, double size, boolean isBold, Color fill) {
        int i = (int) Math.max(1, Math.min(63, Math.round(size)));
        Font[] cache = isBold ? bold : plain;
        if (cache[i] == null) {
            cache[i] = Font.font(FAMILY, isBold ? FontWeight.BOLD : FontWeight.NORMAL, i);
        }
        g.setFont(cache[i]);
        g.setFill(fill);
        g.fillText(s, x, y);
    }

    @Override
    public void ramp(double x, double y, double w, double h, Color[] stops) {
        Stop[] s = new Stop[stops.length];
        for (int i = 0; i < stops.length; i++) {
            s[i] = new Stop(i / (double) (stops.length - 1), stops[i]);
        }
        g.setFill(new LinearGradient(x, 0, x + w, 0, false, CycleMethod.NO_CYCLE, s));
        g.fillRect(x, y, w, h);
    }
}
