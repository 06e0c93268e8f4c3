package org.rlmworkbench.graphview.view;

/**
 * Draws the running effects over the graph: Select lights the path, Evaluate flashes the leaf with
 * its value, Backpropagate sends a pulse up the path, Prune and Solve ring the node, Aggregate
 * draws the merge.
 */
final class EffectPainter {

    private EffectPainter() {
    }

    static void paint(Surface s, Frame f, DetailLevel level) {
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
                                    vp.toScreenX(f.x()[nodes[k]]), vp.toScreenY(f.y()[nodes[k]]), GraphPainter.SELECTED,
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
                        s.text("V " + GraphPainter.num(e.value()), cx + halfW * sc + grow + 4, cy - halfH * sc - 20 * t * sc,
                                Math.max(11, 16 * sc), true, GraphPainter.TEXT);
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
                        s.strokeOval(cx, cy, r, e.kind() == Effect.Kind.SOLVE ? GraphPainter.SOLVED : GraphPainter.PRUNED, Math.max(2, 5 * sc));
                    }
                    break;
                case AGGREGATE:
                    s.setAlpha(fade);
                    for (int k = 1; k < nodes.length; k++) {
                        if (f.shown(nodes[0]) && f.shown(nodes[k])) {
                            s.line(vp.toScreenX(f.x()[nodes[k]]), vp.toScreenY(f.y()[nodes[k]]),
                                    vp.toScreenX(f.x()[nodes[0]]), vp.toScreenY(f.y()[nodes[0]]), GraphPainter.AGGREGATED,
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
        s.fillOval(vp.toScreenX(wx), vp.toScreenY(wy), Math.max(4, 14 * vp.scale()), GraphPainter.PULSE);
        // the nodes the pulse has passed glow
        for (int j = 0; j <= k; j++) {
            if (f.shown(path[j])) {
                s.setAlpha(0.5 * (1 - t));
                s.strokeOval(vp.toScreenX(f.x()[path[j]]), vp.toScreenY(f.y()[path[j]]),
                        Math.max(6, 40 * vp.scale()), GraphPainter.PULSE, Math.max(1.5, 3 * vp.scale()));
            }
        }
    }
}
