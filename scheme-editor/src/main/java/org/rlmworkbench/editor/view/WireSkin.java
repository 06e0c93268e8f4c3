package org.rlmworkbench.editor.view;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * The look of one wire: a cubic curve from an output port to an input port, with a wider
 * invisible twin that makes it easy to click. Errors and selection are pseudo-classes.
 */
public final class WireSkin {

    private final Wire wire;
    private final Group root = new Group();
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();

    public WireSkin(Wire wire) {
        this.wire = wire;
        curve.getStyleClass().add(Styles.WIRE);
        hit.getStyleClass().add(Styles.WIRE_HIT);
        curve.setMouseTransparent(true);
        root.getChildren().addAll(hit, curve);
        root.setId("wire-" + wire.from() + "-" + wire.fromPort() + "-" + wire.to() + "-" + wire.toPort());
    }

    /** Sets the curve's ends; the control points bend it out of the ports sideways. */
    public void setEnds(Point2D from, Point2D to) {
        shape(curve, from, to);
        shape(hit, from, to);
    }

    /** Shapes a curve from an output (leaving right) to an input (entering from the left). */
    public static void shape(CubicCurve c, Point2D from, Point2D to) {
        double dxAbs = Math.abs(to.getX() - from.getX());
        double dyAbs = Math.abs(to.getY() - from.getY());
        // forward: bend by half the run; backward (a loop wire): a short hook out of each port
        double dx = to.getX() >= from.getX() + 20 ? Math.max(25, dxAbs / 2)
                : Math.max(40, Math.min(90, dyAbs / 2));
        // a backward wire swings below both ends instead of running under the nodes between them
        boolean backward = to.getX() < from.getX() + 20;
        double below = Math.max(from.getY(), to.getY()) + 110;
        // a long forward wire along a row arcs over the nodes it passes
        boolean over = !backward && dxAbs > 260 && dyAbs < 80;
        double above = Math.min(from.getY(), to.getY()) - 120;
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + dx);
        c.setControlY1(backward ? below : over ? above : from.getY());
        c.setControlX2(to.getX() - dx);
        c.setControlY2(backward ? below : over ? above : to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    public void setSelected(boolean on) {
        curve.pseudoClassStateChanged(Styles.SELECTED, on);
    }

    public void setError(boolean on) {
        curve.pseudoClassStateChanged(Styles.ERROR, on);
    }

    public Wire wire() {
        return wire;
    }

    public Group root() {
        return root;
    }

    public CubicCurve hitArea() {
        return hit;
    }

    public void dispose() {
        root.getChildren().clear();
    }
}
