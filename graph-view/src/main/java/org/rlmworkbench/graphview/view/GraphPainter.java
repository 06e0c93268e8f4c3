package org.rlmworkbench.graphview.view;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * Draws a {@link Frame} onto a {@link Surface}: edges, node cards at the zoom's level of detail, the
 * running effects and the legend. Culls everything outside the viewport, so the cost of a frame
 * follows what is on screen, not the size of the graph. Stateless; the same painter serves the
 * screen and the SVG export.
 */
public final class GraphPainter {

    static final Color BACKGROUND = Color.web("#fbfbfd");
    static final Color EDGE = Color.web("#9aa3ad");
    static final Color DAG_EDGE = Color.web("#8e44ad");
    static final Color BEST = Color.web("#f39c12");
    static final Color SELECTED = Color.web("#1f6feb");
    static final Color MATCH = Color.web("#d63384");
    static final Color TEXT = Color.web("#1d232b");
    static final Color TEXT_LIGHT = Color.WHITE;
    static final Color BORDER = Color.web("#39424d");
    static final Color PRUNED = Color.web("#b8bcc2");
    static final Color SOLVED = Color.web("#c79100");
    static final Color AGGREGATED = Color.web("#8e44ad");
    static final Color PULSE = Color.web("#ff7a00");

    /** Paints the whole frame. */
    public void paint(Surface s, Frame f) {
        s.clear(BACKGROUND, f.width(), f.height());
        Viewport vp = f.viewport();
        double cw = f.card().cardWidth();
        double ch = f.card().cardHeight();
        DetailLevel level = DetailLevel.forCardWidth(cw * vp.scale());
        double x0 = vp.toWorldX(0) - cw;
        double y0 = vp.toWorldY(0) - ch;
        double x1 = vp.toWorldX(f.width()) + cw;
        double y1 = vp.toWorldY(f.height()) + ch;
        paintEdges(s, f, level, x0, y0, x1, y1);
        int n = f.count();
        for (int i = 0; i < n; i++) {
            if (!f.shown(i)) {
                continue;
            }
            double x = f.x()[i];
            double y = f.y()[i];
            if (x < x0 || x > x1 || y < y0 || y > y1) {
                continue;
            }
            paintNode(s, f, i, level);
        }
        s.setAlpha(1);
        paintEffects(s, f, level);
        if (f.showLegend()) {
            paintLegend(s, f);
        }
    }

    private void paintEdges(Surface s, Frame f, DetailLevel level, double x0, double y0, double x1, double y1) {
        ReasoningGraph g = f.graph();
        Viewport vp = f.viewport();
        double half = level == DetailLevel.DOT ? 0 : f.card().cardHeight() / 2.0;
        double lw = level == DetailLevel.DOT ? 0.6 : Math.max(0.8, 1.4 * vp.scale());
        int n = f.count();
        s.beginLines(EDGE, lw);
        boolean curves = level == DetailLevel.CARD;
        for (int i = 0; i < n; i++) {
            int p = g.parent(i);
            if (p < 0 || !f.shown(i) || !f.shown(p) || !crosses(f, p, i, x0, y0, x1, y1)) {
                continue;
            }
            if (curves || f.bestPath().get(i) && f.bestPath().get(p)) {
                continue;
            }
            s.addLine(vp.toScreenX(f.x()[p]), vp.toScreenY(f.y()[p] + half), vp.toScreenX(f.x()[i]),
                    vp.toScreenY(f.y()[i] - half));
        }
        s.endLines();
        for (int i = 0; i < n; i++) {
            int p = g.parent(i);
            if (p < 0 || !f.shown(i) || !f.shown(p) || !crosses(f, p, i, x0, y0, x1, y1)) {
                continue;
            }
            boolean best = f.bestPath().get(i) && f.bestPath().get(p);
            if (!curves && !best) {
                continue;
            }
            s.setAlpha(f.alpha()[i]);
            edge(s, f, p, i, half, best ? BEST : EDGE, best ? Math.max(2, 4 * vp.scale()) : lw, curves);
        }
        // DAG edges from Aggregate, beyond the first parent
        for (int i = 0; i < n; i++) {
            if (!g.isAggregated(i) || !f.shown(i)) {
                continue;
            }
            int[] ps = g.parents(i);
            for (int k = 1; k < ps.length; k++) {
                if (f.shown(ps[k]) && crosses(f, ps[k], i, x0, y0, x1, y1)) {
                    s.setAlpha(f.alpha()[i]);
                    edge(s, f, ps[k], i, half, DAG_EDGE, Math.max(1, 2 * vp.scale()), curves);
                }
            }
        }
        s.setAlpha(1);
    }

    private static void edge(Surface s, Frame f, int p, int c, double half, Color color, double lw, boolean curve) {
        Viewport vp = f.viewport();
        double ax = vp.toScreenX(f.x()[p]);
        double ay = vp.toScreenY(f.y()[p] + half);
        double bx = vp.toScreenX(f.x()[c]);
        double by = vp.toScreenY(f.y()[c] - half);
        if (curve) {
            s.curve(ax, ay, bx, by, color, lw);
        } else {
            s.line(ax, ay, bx, by, color, lw);
        }
    }

    private static boolean crosses(Frame f, int a, int b, double x0, double y0, double x1, double y1) {
        double ax = f.x()[a], ay = f.y()[a], bx = f.x()[b], by = f.y()[b];
        return Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && Math.max(ay, by) >= y0 && Math.min(ay, by) <= y1;
    }

    /** Dot radius in world units for a node with {@code visits} visits. */
    static double dotRadius(int visits, double cardHeight) {
        return Math.min(cardHeight / 2, 8 + 5 * Math.log(1 + visits) / Math.log(2));
    }

    private void paintNode(Surface s, Frame f, int i, DetailLevel level) {
        ReasoningGraph g = f.graph();
        Viewport vp = f.viewport();
        double sc = vp.scale();
        double cx = vp.toScreenX(f.x()[i]);
        double cy = vp.toScreenY(f.y()[i]);
        int visits = g.visits(i);
        boolean pruned = g.isPruned(i);
        Color fill = pruned ? PRUNED : f.colors().color(g.q(i), visits);
        s.setAlpha(f.alpha()[i] * (pruned ? 0.55 : 1.0));
        if (level == DetailLevel.DOT) {
            double r = Math.max(1.5, dotRadius(visits, f.card().cardHeight()) * sc);
            if (r < 2.5) {
                s.fillRect(cx - r, cy - r, 2 * r, 2 * r, 0, fill);
            } else {
                s.fillOval(cx, cy, r, fill);
            }
            double ring = r + Math.max(2, 6 * sc);
            marks(s, f, i, cx, cy, ring, -1, -1, true);
            return;
        }
        double w = f.card().cardWidth() * sc;
        double h = f.card().cardHeight() * sc;
        double left = cx - w / 2;
        double top = cy - h / 2;
        double arc = 12 * sc;
        s.fillRect(left, top, w, h, arc, fill);
        double border = Math.max(0.6, (0.8 + 1.6 * Math.log10(1 + visits)) * sc);
        s.strokeRect(left, top, w, h, arc, g.isTerminal(i) ? TEXT : BORDER, border);
        if (g.isTerminal(i)) {
            s.strokeRect(left + 3 * sc, top + 3 * sc, w - 6 * sc, h - 6 * sc, arc * 0.7, TEXT, Math.max(0.5, sc));
        }
        marks(s, f, i, cx, cy, 0, w, h, false);
        Color ink = luminance(fill) < 0.45 ? TEXT_LIGHT : TEXT;
        if (level == DetailLevel.NUMBERS) {
            double fs = 17 * sc;
            s.text("N " + visits, left + 8 * sc, top + h * 0.45, fs, true, ink);
            s.text("Q " + num(g.q(i)), left + 8 * sc, top + h * 0.85, fs, false, ink);
        } else {
            double fs = 11.5 * sc;
            double pad = 7 * sc;
            int maxChars = (int) ((w - 2 * pad) / (fs * 0.56));
            s.text(shorten(g.text(i), maxChars), left + pad, top + 16 * sc, fs, true, ink);
            s.text("N " + visits + "   Q " + num(g.q(i)) + "   P " + num(g.prior(i)), left + pad, top + 34 * sc,
                    fs * 0.95, false, ink);
            StringBuilder third = new StringBuilder();
            if (!Double.isNaN(g.value(i))) {
                third.append("V ").append(num(g.value(i))).append("   ");
            }
            if (!Double.isNaN(g.reward(i))) {
                third.append("R ").append(num(g.reward(i))).append("   ");
            }
            if (pruned) {
                third.append("pruned");
            } else if (g.isSolved(i)) {
                third.append("solved");
            } else if (g.isTerminal(i)) {
                third.append("terminal");
            }
            s.text(third.toString().trim(), left + pad, top + 51 * sc, fs * 0.95, false, ink);
        }
        if (f.collapsed().get(i) && g.hasChildren(i)) {
            s.setAlpha(1);
            double bw = 30 * sc;
            s.fillRect(cx - bw / 2, top + h + 2 * sc, bw, 14 * sc, 8 * sc, BORDER);
            s.text("+" + g.childCount(i), cx - bw / 2 + 6 * sc, top + h + 13 * sc, 10 * sc, true, TEXT_LIGHT);
        }
    }

    /** Rings for solved, aggregated, best path, search match and selection. */
    private static void marks(Surface s, Frame f, int i, double cx, double cy, double ring, double w, double h,
                              boolean dot) {
        ReasoningGraph g = f.graph();
        double sc = f.viewport().scale();
        int k = 0;
        Color[] colors = {g.isSolved(i) ? SOLVED : null, g.isAggregated(i) ? AGGREGATED : null,
                          f.bestPath().get(i) ? BEST : null, f.matches().get(i) ? MATCH : null,
                          f.selected() == i ? SELECTED : null};
        for (Color c : colors) {
            if (c == null) {
                continue;
            }
            double grow = (4 + 5 * k) * Math.max(sc, 0.35);
            double lw = Math.max(1.5, (c == SELECTED ? 4 : 3) * sc);
            if (dot) {
                s.strokeOval(cx, cy, ring + grow - 4 * Math.max(sc, 0.35), c, lw);
            } else {
                s.strokeRect(cx - w / 2 - grow, cy - h / 2 - grow, w + 2 * grow, h + 2 * grow, (12 + grow) * sc, c,
                        lw);
            }
            k++;
        }
    }

    private void paintEffects(Surface s, Frame f, DetailLevel level) {
        Viewport vp = f.viewport();
        double sc = vp.scale();
        double halfW = level == DetailLevel.DOT ? 10 : f.card().cardWidth() / 2.0;
        double halfH = level == DetailLevel.DOT ? 10 : f.card().cardHeight() / 2.0;
        for (Effect e : f.effects()) {
            double t = e.progress(f.now());
            double fade = 1 - t;
            int[] nodes = e.nodes();
            switch (e.kind()) {
                case SELECT:
                    s.setAlpha(fade);
                    for (int k = 1; k < nodes.length; k++) {
                        if (f.shown(nodes[k - 1]) && f.shown(nodes[k])) {
                            s.line(vp.toScreenX(f.x()[nodes[k - 1]]), vp.toScreenY(f.y()[nodes[k - 1]]),
                                    vp.toScreenX(f.x()[nodes[k]]), vp.toScreenY(f.y()[nodes[k]]), SELECTED,
                                    Math.max(2, 6 * sc));
                        }
                    }
                    break;
                case EVALUATE:
                    if (nodes.length > 0 && f.shown(nodes[0])) {
                        int n0 = nodes[0];
                        double cx = vp.toScreenX(f.x()[n0]);
                        double cy = vp.toScreenY(f.y()[n0]);
                        s.setAlpha(fade);
                        double grow = (4 + 18 * t) * Math.max(sc, 0.4);
                        s.strokeRect(cx - halfW * sc - grow, cy - halfH * sc - grow, 2 * (halfW * sc + grow),
                                2 * (halfH * sc + grow), 14 * sc, f.colors().color(e.value(), 1), Math.max(2, 5 * sc));
                        s.text("V " + num(e.value()), cx + halfW * sc + grow + 4, cy - halfH * sc - 20 * t * sc,
                                Math.max(11, 16 * sc), true, TEXT);
                    }
                    break;
                case BACKPROPAGATE:
                    pulse(s, f, nodes, t);
                    break;
                case PRUNE:
                case SOLVE:
                    if (nodes.length > 0 && f.shown(nodes[0])) {
                        double cx = vp.toScreenX(f.x()[nodes[0]]);
                        double cy = vp.toScreenY(f.y()[nodes[0]]);
                        s.setAlpha(fade);
                        double r = (halfW + 40 * t) * Math.max(sc, 0.3);
                        s.strokeOval(cx, cy, r, e.kind() == Effect.Kind.SOLVE ? SOLVED : PRUNED, Math.max(2, 5 * sc));
                    }
                    break;
                case AGGREGATE:
                    s.setAlpha(fade);
                    for (int k = 1; k < nodes.length; k++) {
                        if (f.shown(nodes[0]) && f.shown(nodes[k])) {
                            s.line(vp.toScreenX(f.x()[nodes[k]]), vp.toScreenY(f.y()[nodes[k]]),
                                    vp.toScreenX(f.x()[nodes[0]]), vp.toScreenY(f.y()[nodes[0]]), AGGREGATED,
                                    Math.max(2, 5 * sc));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        s.setAlpha(1);
    }

    /** A dot travelling from the leaf (nodes[0]) up to the root (last), progress {@code t}. */
    private static void pulse(Surface s, Frame f, int[] path, double t) {
        if (path.length == 0) {
            return;
        }
        Viewport vp = f.viewport();
        double pos = t * Math.max(0, path.length - 1);
        int k = Math.min(path.length - 1, (int) Math.floor(pos));
        int k2 = Math.min(path.length - 1, k + 1);
        if (!f.shown(path[k]) || !f.shown(path[k2])) {
            return;
        }
        double u = pos - k;
        double wx = f.x()[path[k]] * (1 - u) + f.x()[path[k2]] * u;
        double wy = f.y()[path[k]] * (1 - u) + f.y()[path[k2]] * u;
        s.setAlpha(0.9);
        s.fillOval(vp.toScreenX(wx), vp.toScreenY(wy), Math.max(4, 14 * vp.scale()), PULSE);
        // the nodes the pulse has passed glow
        for (int j = 0; j <= k; j++) {
            if (f.shown(path[j])) {
                s.setAlpha(0.5 * (1 - t));
                s.strokeOval(vp.toScreenX(f.x()[path[j]]), vp.toScreenY(f.y()[path[j]]),
                        Math.max(6, 40 * vp.scale()), PULSE, Math.max(1.5, 3 * vp.scale()));
            }
        }
    }

    private static void paintLegend(Surface s, Frame f) {
        QColorScale c = f.colors();
        double x = 12;
        double y = 12;
        s.setAlpha(0.92);
        s.fillRect(x - 6, y - 4, 236, 118, 10, Color.WHITE);
        s.strokeRect(x - 6, y - 4, 236, 118, 10, Color.web("#d0d4da"), 1);
        s.setAlpha(1);
        s.text("Q (mean value)", x, y + 12, 12, true, TEXT);
        Color[] stops = new Color[QColorScale.STEPS];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = QColorScale.stepColor(i);
        }
        s.ramp(x, y + 18, 220, 12, stops);
        s.text(num(c.min()), x, y + 44, 11, false, TEXT);
        s.text(num(c.mid()), x + 100, y + 44, 11, false, TEXT);
        s.text(num(c.max()), x + 200, y + 44, 11, false, TEXT);
        s.text("border width and dot size = visits N", x, y + 62, 11, false, TEXT);
        double ky = y + 80;
        s.strokeRect(x, ky - 9, 14, 10, 3, BEST, 2.5);
        s.text("best path", x + 18, ky, 11, false, TEXT);
        s.strokeRect(x + 82, ky - 9, 14, 10, 3, SELECTED, 2.5);
        s.text("selected", x + 100, ky, 11, false, TEXT);
        s.strokeRect(x + 160, ky - 9, 14, 10, 3, SOLVED, 2.5);
        s.text("solved", x + 178, ky, 11, false, TEXT);
        ky += 18;
        s.fillRect(x, ky - 9, 14, 10, 3, PRUNED);
        s.text("pruned", x + 18, ky, 11, false, TEXT);
        s.strokeRect(x + 82, ky - 9, 14, 10, 3, AGGREGATED, 2.5);
        s.text("aggregated", x + 100, ky, 11, false, TEXT);
        s.strokeRect(x + 160, ky - 9, 14, 10, 3, TEXT, 2.5);
        s.text("terminal", x + 178, ky, 11, false, TEXT);
    }

    /**
     * The node under screen point (sx, sy), or -1.
     */
    public int pick(Frame f, double sx, double sy) {
        Viewport vp = f.viewport();
        double wx = vp.toWorldX(sx);
        double wy = vp.toWorldY(sy);
        DetailLevel level = DetailLevel.forCardWidth(f.card().cardWidth() * vp.scale());
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.count(); i++) {
            if (!f.shown(i)) {
                continue;
            }
            double dx = Math.abs(f.x()[i] - wx);
            double dy = Math.abs(f.y()[i] - wy);
            boolean hit;
            if (level == DetailLevel.DOT) {
                double r = Math.max(dotRadius(f.graph().visits(i), f.card().cardHeight()), 6 / vp.scale());
                hit = dx * dx + dy * dy <= r * r;
            } else {
                hit = dx <= f.card().cardWidth() / 2.0 && dy <= f.card().cardHeight() / 2.0;
            }
            if (hit && dx + dy < bestD) {
                bestD = dx + dy;
                best = i;
            }
        }
        return best;
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** A number with up to three decimals, for cards. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.replace('\n', ' ');
        if (t.length() <= max) {
            return t;
        }
        return max <= 1 ? "…" : t.substring(0, max - 1) + "…";
    }
}
