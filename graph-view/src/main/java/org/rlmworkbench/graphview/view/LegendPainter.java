package org.rlmworkbench.graphview.view;

import javafx.scene.paint.Color;

/** Draws the legend in the top left corner: the Q colour ramp and the keys for the node looks. */
final class LegendPainter {

    private LegendPainter() {
    }

    static void paint(Surface s, QColorScale c, String title) {
        double x = 12;
        double y = 12;
        s.setAlpha(0.92);
        s.fillRect(x - 6, y - 4, 262, 136, 10, Color.WHITE);
        s.strokeRect(x - 6, y - 4, 262, 136, 10, Color.web("#d0d4da"), 1);
        s.setAlpha(1);
        s.text("colour: " + title, x, y + 12, 12, true, GraphPainter.TEXT);
        Color[] stops = new Color[QColorScale.STEPS];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = QColorScale.stepColor(i);
        }
        s.ramp(x, y + 18, 240, 12, stops);
        s.text(GraphPainter.num(c.min()), x, y + 44, 11, false, GraphPainter.TEXT);
        s.text(GraphPainter.num(c.mid()), x + 116, y + 44, 11, false, GraphPainter.TEXT);
        s.text(GraphPainter.num(c.max()), x + 232, y + 44, 11, false, GraphPainter.TEXT);
        s.text("border width and dot size = visits N", x, y + 62, 11, false, GraphPainter.TEXT);
        double ky = y + 80;
        s.strokeRect(x, ky - 9, 14, 10, 3, GraphPainter.BEST, 2.5);
        s.text("best path", x + 18, ky, 11, false, GraphPainter.TEXT);
        s.strokeRect(x + 82, ky - 9, 14, 10, 3, GraphPainter.SELECTED, 2.5);
        s.text("selected", x + 100, ky, 11, false, GraphPainter.TEXT);
        s.strokeRect(x + 172, ky - 9, 14, 10, 3, GraphPainter.SOLVED, 2.5);
        s.text("solved", x + 190, ky, 11, false, GraphPainter.TEXT);
        ky += 18;
        s.fillRect(x, ky - 9, 14, 10, 3, GraphPainter.PRUNED);
        s.text("pruned", x + 18, ky, 11, false, GraphPainter.TEXT);
        s.strokeRect(x + 82, ky - 9, 14, 10, 3, GraphPainter.AGGREGATED, 2.5);
        s.text("aggregated", x + 100, ky, 11, false, GraphPainter.TEXT);
        s.strokeRect(x + 172, ky - 9, 14, 10, 3, GraphPainter.TEXT, 2.5);
        s.text("terminal", x + 190, ky, 11, false, GraphPainter.TEXT);
        ky += 18;
        s.strokeDashedRect(x, ky - 9, 14, 10, 3, GraphPainter.IN_FLIGHT, 2);
        s.text("in flight (batch, virtual loss)", x + 18, ky, 11, false,
                GraphPainter.TEXT);
    }
}
