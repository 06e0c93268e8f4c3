package org.rlmworkbench.graphview.export;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.rlmworkbench.graphview.view.Surface;

/** Collects the painter's drawing as an SVG document. */
public final class SvgSurface implements Surface {

    private final StringBuilder body = new StringBuilder();
    private double alpha = 1;
    private double width;
    private double height;
    private StringBuilder lines;
    private Color lineColor;
    private double lineWidth;
    private int gradients;

    @Override
    public void clear(Color background, double w, double h) {
        width = w;
        height = h;
        body.setLength(0);
        body.append(String.format(Locale.ROOT, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", w, h,
                hex(background)));
    }

    @Override
    public void setAlpha(double a) {
        alpha = a;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"%.2f\""
                + " fill=\"%s\"%s/>%n", x, y, w, h, arc / 2, hex(fill), opacity(fill, "fill")));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lw) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"%.2f\""
                + " fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n", x, y, w, h, arc / 2, hex(stroke), lw,
                opacity(stroke, "stroke")));
    }

    @Override
    public void fillOval(double cx, double cy, double r, Color fill) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"%s/>%n", cx, cy, r,
                hex(fill), opacity(fill, "fill")));
    }

    @Override
    public void strokeOval(double cx, double cy, double r, Color stroke, double lw) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"%.2f\"%s/>%n", cx, cy, r, hex(stroke), lw, opacity(stroke, "stroke")));
    }

    @Override
    public void line(double x0, double y0, double x1, double y1, Color stroke, double lw) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                + " stroke-width=\"%.2f\"%s/>%n", x0, y0, x1, y1, hex(stroke), lw, opacity(stroke, "stroke")));
    }

    @Override
    public void curve(double x0, double y0, double x1, double y1, Color stroke, double lw) {
        double my = (y0 + y1) / 2;
        body.append(String.format(Locale.ROOT, "<path d=\"M%.2f %.2f C%.2f %.2f %.2f %.2f %.2f %.2f\" fill=\"none\""
                + " stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n", x0, y0, x0, my, x1, my, x1, y1, hex(stroke), lw,
                opacity(stroke, "stroke")));
    }

    @Override
    public void beginLines(Color stroke, double lw) {
        lines = new StringBuilder();
        lineColor = stroke;
        lineWidth = lw;
    }

    @Override
    public void addLine(double x0, double y0, double x1, double y1) {
        lines.append(String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1f", x0, y0, x1, y1));
    }

    @Override
    public void endLines() {
        if (lines != null && lines.length() > 0) {
            body.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n",
                    lines, hex(lineColor), lineWidth, opacity(lineColor, "stroke")));
        }
        lines = null;
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, Color fill) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"sans-serif\" font-size=\"%.2f\""
                + "%s fill=\"%s\"%s>%s</text>%n", x, y, size, bold ? " font-weight=\"bold\"" : "", hex(fill),
                opacity(fill, "fill"), escape(s)));
    }

    @Override
    public void ramp(double x, double y, double w, double h, Color[] stops) {
        String id = "ramp" + gradients++;
        body.append("<defs><linearGradient id=\"").append(id).append("\">");
        for (int i = 0; i < stops.length; i++) {
            body.append(String.format(Locale.ROOT, "<stop offset=\"%.3f\" stop-color=\"%s\"/>",
                    i / (double) (stops.length - 1), hex(stops[i])));
        }
        body.append("</linearGradient></defs>\n");
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                + " fill=\"url(#%s)\"/>%n", x, y, w, h, id));
    }

    /** The complete SVG document. */
    public String document() {
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n", width, height, width, height)
                + body + "</svg>\n";
    }

    private String opacity(Color c, String what) {
        double a = alpha * c.getOpacity();
        return a >= 0.999 ? "" : String.format(Locale.ROOT, " %s-opacity=\"%.3f\"", what, a);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
