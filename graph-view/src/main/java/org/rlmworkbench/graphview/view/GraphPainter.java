package org.rlmworkbench.graphview.view;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
    /** Invalid (model-written, rejected) steps: dashed red outline with a cross over a pale red card. */
    static final Color INVALID = Color.web("#b3002d");
    static final Color INVALID_FILL = Color.web("#fbe3e2");
    /** Leaves and paths of a batch in flight (selected with a virtual loss, value not yet backed up): dashed teal. */
    static final Color IN_FLIGHT = Color.web("#008c95");

    /**
     * Numbers a node shows while a backpropagation pulse has not reached it yet: {N, Q} before the
     * update, from the oldest running pulse.
     */
    static Map<Integer, double[]> pendingNumbers(Frame f) {
        Map<Integer, double[]> m = new HashMap<>();
        for (Effect e : f.effects()) {
            if (e.kind() != Effect.Kind.BACKPROPAGATE || e.visitsBefore() == null) {
                continue;
            }
            for (int k = 0; k < e.nodes().length; k++) {
                if (e.ahead(k, f.now())) {
                    m.putIfAbsent(e.nodes()[k], new double[] {e.visitsBefore()[k], e.qBefore()[k]});
                }
            }
        }
        return m;
    }

    /** Paints the whole frame. */
    public void paint(Surface s, Frame f) {
        Map<Integer, double[]> pending = pendingNumbers(f);
        ColorBy by = ColorBy.of(f.graph());
        s.clear(BACKGROUND, f.width(), f.height());
        Viewport vp = f.viewport();
        double cw = f.card().cardWidth();
        double ch = f.card().cardHeight();
        DetailLevel level = f.level();
        double x0 = vp.toWorldX(0) - cw;
        double y0 = vp.toWorldY(0) - ch;
        double x1 = vp.toWorldX(f.width()) + cw;
        double y1 = vp.toWorldY(f.height()) + ch;
        int[] ids = f.candidates(x0, y0, x1, y1);
        int n = ids == null ? f.count() : ids.length;
        if (level == DetailLevel.DOT && s.beginRaster(BACKGROUND, f.width(), f.height())) {
            paintRaster(s, f, ids, x0, y0, x1, y1);
            s.endRaster();
            paintEdges(s, f, ids, level, x0, y0, x1, y1, true);
            for (int k = 0; k < n; k++) {
                int i = ids == null ? k : ids[k];
                if (f.shown(i) && (f.selected() == i || f.bestPath().get(i) || f.matches().get(i)
                        || f.graph().isSolved(i) || f.graph().isAggregated(i) || f.graph().isInvalid(i)
                        || f.graph().inFlight(i) > 0)) {
                    paintNode(s, f, i, level, pending, by);
                }
            }
            paintOverlays(s, f, level);
            return;
        }
        paintEdges(s, f, ids, level, x0, y0, x1, y1, false);
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
            if (!f.shown(i)) {
                continue;
            }
            double x = f.x()[i];
            double y = f.y()[i];
            if (x < x0 || x > x1 || y < y0 || y > y1) {
                continue;
            }
            paintNode(s, f, i, level, pending, by);
        }
        paintOverlays(s, f, level);
    }

    /** What lies over the graph: the event cues and the legend. */
    private static void paintOverlays(Surface s, Frame f, DetailLevel level) {
        s.setAlpha(1);
        EffectPainter.paint(s, f, level);
        if (f.showLegend()) {
            LegendPainter.paint(s, f.colors(), ColorBy.of(f.graph()).title());
        }
    }

    /** Far out: every edge and dot in the surface's pixel buffer. */
    private void paintRaster(Surface s, Frame f, int[] ids, double x0, double y0, double x1, double y1) {
        ReasoningGraph g = f.graph();
        Viewport vp = f.viewport();
        int n = ids == null ? f.count() : ids.length;
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
            int p = g.parent(i);
            if (p < 0 || !f.shown(i) || !f.shown(p) || !crosses(f, p, i, x0, y0, x1, y1)
                    || f.bestPath().get(i) && f.bestPath().get(p)) {
                continue;
            }
            s.rasterLine(vp.toScreenX(f.x()[p]), vp.toScreenY(f.y()[p]), vp.toScreenX(f.x()[i]),
                    vp.toScreenY(f.y()[i]), EDGE);
        }
        double ch = f.card().cardHeight();
        double maxR = maxDotRadius(f);
        ColorBy by = ColorBy.of(g);
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
            if (!f.shown(i)) {
                continue;
            }
            double x = f.x()[i];
            double y = f.y()[i];
            if (x < x0 || x > x1 || y < y0 || y > y1) {
                continue;
            }
            if (g.isInvalid(i)) {
                continue;
            }
            Color fill = g.isPruned(i) ? PRUNED : by.fill(f.colors(), g, i, g.q(i), g.visits(i));
            double r = Math.max(2.0, Math.min(maxR, dotRadius(g.visits(i), ch) * vp.scale()));
            s.rasterDot(vp.toScreenX(x), vp.toScreenY(y), r, fill);
        }
    }

    private void paintEdges(Surface s, Frame f, int[] ids, DetailLevel level, double x0, double y0, double x1,
                            double y1, boolean specialOnly) {
        ReasoningGraph g = f.graph();
        Viewport vp = f.viewport();
        double half = level == DetailLevel.DOT ? 0 : f.card().cardHeight() / 2.0;
        double lw = level == DetailLevel.DOT ? 0.6 : Math.max(0.8, 1.4 * vp.scale());
        int n = ids == null ? f.count() : ids.length;
        boolean curves = level == DetailLevel.CARD && !f.elbows();
        s.beginLines(EDGE, lw);
        for (int k = 0; k < n && !specialOnly; k++) {
            int i = ids == null ? k : ids[k];
            int p = g.parent(i);
            if (p < 0 || !f.shown(i) || !f.shown(p) || !crosses(f, p, i, x0, y0, x1, y1)) {
                continue;
            }
            if (curves || f.bestPath().get(i) && f.bestPath().get(p)) {
                continue;
            }
            double ax = vp.toScreenX(f.x()[p]);
            double ay = vp.toScreenY(f.y()[p] + half);
            double bx = vp.toScreenX(f.x()[i]);
            double by = vp.toScreenY(f.y()[i] - half);
            if (f.elbows() && level != DetailLevel.DOT) {
                double my = (ay + by) / 2;
                s.addLine(ax, ay, ax, my);
                s.addLine(ax, my, bx, my);
                s.addLine(bx, my, bx, by);
            } else {
                s.addLine(ax, ay, bx, by);
            }
        }
        s.endLines();
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
            int p = g.parent(i);
            if (p < 0 || !f.shown(i) || !f.shown(p) || !crosses(f, p, i, x0, y0, x1, y1)) {
                continue;
            }
            boolean best = f.bestPath().get(i) && f.bestPath().get(p);
            if (!curves && !best || specialOnly && !best) {
                continue;
            }
            s.setAlpha(f.alpha()[i]);
            edge(s, f, p, i, half, best ? BEST : EDGE, best ? Math.max(2, 4 * vp.scale()) : lw, curves);
        }
        // DAG edges from Aggregate, beyond the first parent
        int[] dag = ids == null ? null : f.index().aggregated();
        int dagN = dag == null ? f.count() : dag.length;
        for (int d = 0; d < dagN; d++) {
            int i = dag == null ? d : dag[d];
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
        if (f.elbows() && half > 0) {
            double my = (ay + by) / 2;
            s.line(ax, ay, ax, my, color, lw);
            s.line(ax, my, bx, my, color, lw);
            s.line(bx, my, bx, by, color, lw);
        } else if (curve) {
            s.curve(ax, ay, bx, by, color, lw);
        } else {
            s.line(ax, ay, bx, by, color, lw);
        }
    }

    private static boolean crosses(Frame f, int a, int b, double x0, double y0, double x1, double y1) {
        double ax = f.x()[a], ay = f.y()[a], bx = f.x()[b], by = f.y()[b];
        return Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && Math.max(ay, by) >= y0 && Math.min(ay, by) <= y1;
    }

    /** Largest dot radius on screen: twice the typical distance between siblings, so packed fans stay apart. */
    static double maxDotRadius(Frame f) {
        return Math.max(3, 2 * f.packing() * (f.card().cardWidth() + f.card().gapX()) * f.viewport().scale());
    }

    /** Dot radius in world units for a node with {@code visits} visits. */
    static double dotRadius(int visits, double cardHeight) {
        return Math.min(cardHeight / 2, 8 + 5 * Math.log(1 + visits) / Math.log(2));
    }

    private void paintNode(Surface s, Frame f, int i, DetailLevel level, Map<Integer, double[]> pending,
            ColorBy by) {
        ReasoningGraph g = f.graph();
        Viewport vp = f.viewport();
        double sc = vp.scale();
        double cx = vp.toScreenX(f.x()[i]);
        double cy = vp.toScreenY(f.y()[i]);
        double[] before = pending.get(i);
        int visits = before == null ? g.visits(i) : (int) before[0];
        double q = before == null ? g.q(i) : before[1];
        boolean pruned = g.isPruned(i);
        boolean invalid = g.isInvalid(i);
        Color fill = invalid ? INVALID_FILL : pruned ? PRUNED : by.fill(f.colors(), g, i, q, visits);
        s.setAlpha(f.alpha()[i] * (pruned ? 0.55 : 1.0));
        if (level == DetailLevel.DOT) {
            double r = Math.max(2.0, Math.min(maxDotRadius(f), dotRadius(visits, f.card().cardHeight()) * sc));
            if (invalid) {
                double lw = Math.max(1.2, 2 * sc);
                s.line(cx - r, cy - r, cx + r, cy + r, INVALID, lw);
                s.line(cx - r, cy + r, cx + r, cy - r, INVALID, lw);
                marks(s, f, i, cx, cy, r + Math.max(2, 6 * sc), -1, -1, true);
                return;
            }
            if (r < 2.5) {
                s.fillRect(cx - r, cy - r, 2 * r, 2 * r, 0, fill);
            } else {
                s.fillOval(cx, cy, r, fill);
            }
            double ring = r + Math.max(2, 6 * sc);
            if (g.inFlight(i) > 0) {
                // big enough to read as dashed even around the smallest dot of an overview
                double box = Math.max(ring, 7);
                s.strokeDashedRect(cx - box, cy - box, 2 * box, 2 * box, Math.max(2, 3 * sc), IN_FLIGHT,
                        Math.max(1.5, 2 * sc));
            }
            marks(s, f, i, cx, cy, ring, -1, -1, true);
            return;
        }
        double w = f.card().cardWidth() * sc;
        double h = f.card().cardHeight() * sc;
        double left = cx - w / 2;
        double top = cy - h / 2;
        double arc = 12 * sc;
        s.fillRect(left, top, w, h, invalid ? 0 : arc, fill);
        double border = Math.max(0.6, (0.8 + 1.6 * Math.log10(1 + visits)) * sc);
        if (invalid) {
            double lw = Math.max(1.2, 2.2 * sc);
            s.strokeDashedRect(left, top, w, h, 7 * sc, INVALID, lw);
            // the cross sits in the card's right end, clear of the text
            double c = Math.min(h * 0.5, 22 * sc);
            double xr = left + w - c - 6 * sc;
            double yc = top + h / 2 - c / 2;
            s.line(xr, yc, xr + c, yc + c, INVALID, lw);
            s.line(xr, yc + c, xr + c, yc, INVALID, lw);
        } else {
            s.strokeRect(left, top, w, h, arc, g.isTerminal(i) ? TEXT : BORDER, border);
        }
        if (g.inFlight(i) > 0) {
            double grow = 5 * Math.max(sc, 0.35);
            s.strokeDashedRect(left - grow, top - grow, w + 2 * grow, h + 2 * grow, 6 * Math.max(sc, 0.5), IN_FLIGHT,
                    Math.max(1.5, 3 * sc));
        }
        if (g.isTerminal(i) && !invalid) {
            s.strokeRect(left + 3 * sc, top + 3 * sc, w - 6 * sc, h - 6 * sc, arc * 0.7, TEXT, Math.max(0.5, sc));
        }
        marks(s, f, i, cx, cy, 0, w, h, false);
        Color ink = luminance(fill) < 0.45 ? TEXT_LIGHT : TEXT;
        if (level == DetailLevel.NUMBERS) {
            double fs = 17 * sc;
            s.text("N " + visits, left + 8 * sc, top + h * 0.45, fs, true, ink);
            s.text("Q " + num(q), left + 8 * sc, top + h * 0.85, fs, false, ink);
        } else {
            double fs = 11.5 * sc;
            double pad = 7 * sc;
            int maxChars = (int) ((w - 2 * pad) / (fs * 0.56));
            s.text(cardText(g.text(i), maxChars), left + pad, top + 16 * sc, fs, true, ink);
            s.text("N " + visits + "   Q " + num(q) + "   P " + num(g.prior(i)), left + pad, top + 34 * sc,
                    fs * 0.95, false, ink);
            StringBuilder third = new StringBuilder();
            if (!Double.isNaN(g.value(i))) {
                third.append("V ").append(num(g.value(i))).append("   ");
            }
            if (!Double.isNaN(g.reward(i))) {
                third.append("R ").append(num(g.reward(i))).append("   ");
            }
            if (invalid) {
                third.append("invalid");
            } else if (pruned) {
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
        } else if (g.hasChildren(i)) {
            // children left out by the best-k filter: a stub says how many
            int hidden = 0;
            for (int c = g.firstChild(i); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
                if (!f.shown(c)) {
                    hidden++;
                }
            }
            if (hidden > 0) {
                s.setAlpha(1);
                String label = "+" + hidden + " more";
                double fs = 10 * sc;
                double bw = (label.length() * 0.6 + 1.2) * fs;
                s.fillRect(cx + w / 2 - bw, top + h + 2 * sc, bw, 14 * sc, 8 * sc, PRUNED);
                s.text(label, cx + w / 2 - bw + 0.6 * fs, top + h + 13 * sc, fs, true, TEXT);
            }
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

    /**
     * The node under screen point (sx, sy), or -1.
     */
    public int pick(Frame f, double sx, double sy) {
        Viewport vp = f.viewport();
        double wx = vp.toWorldX(sx);
        double wy = vp.toWorldY(sy);
        DetailLevel level = f.level();
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        double reach = Math.max(f.card().cardWidth(), Math.max(f.card().cardHeight(), 12 / vp.scale()));
        int[] ids = f.candidates(wx - reach, wy - reach, wx + reach, wy + reach);
        int n = ids == null ? f.count() : ids.length;
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
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

    /**
     * A long step's gist for a card of {@code max} characters: the last sentence of a step that
     * has several (a deduction's conclusion: "So Sally is a yumpus."), without articles; if still
     * too long, a sentence of words keeps its first and last words around an ellipsis
     * ("unstack red…blue block"), anything else its start. The whole text is in the hover and
     * the inspector.
     */
    public static String cardText(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= max) {
            return t;
        }
        String[] sentences = t.split("(?<=[.!?]) (?=[A-Z])");
        if (sentences.length > 1) {
            t = sentences[sentences.length - 1];
        }
        t = t.replaceAll("(?i)\\b(the|an?) ", "").strip();
        if (t.length() <= max) {
            return t;
        }
        String[] words = t.split(" ");
        long letters = t.chars().filter(Character::isLetter).count();
        if (words.length < 5 || letters < t.length() / 2 || max < 8) {
            return shorten(t, max);
        }
        // Keep whole words from the end (up to half the room), then from the start.
        StringBuilder tail = new StringBuilder();
        int room = max - 1;
        for (int k = words.length - 1; k > 0; k--) {
            String next = tail.length() == 0 ? words[k] : words[k] + " " + tail;
            if (next.length() > room / 2) {
                break;
            }
            tail.setLength(0);
            tail.append(next);
        }
        StringBuilder head = new StringBuilder();
        for (String w : words) {
            String next = head.length() == 0 ? w : head + " " + w;
            if (next.length() + tail.length() > room) {
                break;
            }
            head.setLength(0);
            head.append(next);
        }
        if (head.length() == 0 || tail.length() == 0) {
            return shorten(t, max);
        }
        return head + "\u2026" + tail;
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
