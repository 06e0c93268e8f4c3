package org.rlmworkbench.graphview.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.rlmworkbench.graphview.layout.NodeLayout;

/**
 * The whole graph in miniature, with the visible part outlined; a click centres the main view
 * there. The dots are drawn once per layout, only the outline moves with the viewport.
 */
final class Minimap extends Region {

    static final double WIDTH = 200;
    static final double HEIGHT = 130;
    private static final double PAD = 6;
    /** Dot colour #56606b. */
    private static final int DOT_RGB = 0x56606b;

    /** Where a click in the minimap sends the main view, in world coordinates. */
    interface Target {
        void centreOn(double wx, double wy);
    }

    private final Canvas dots = new Canvas(WIDTH, HEIGHT);
    private final Rectangle frame = new Rectangle();
    private double scale = 1;
    private double ox;
    private double oy;
    private NodeLayout layout = NodeLayout.empty();
    private boolean enabled = true;

    Minimap(Target target) {
        getStyleClass().add(GraphViewStyles.MINIMAP);
        frame.getStyleClass().add(GraphViewStyles.MINIMAP_VIEWPORT);
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        getChildren().addAll(dots, frame);
        setOnMouseClicked(e -> {
            target.centreOn((e.getX() - ox) / scale, (e.getY() - oy) / scale);
            e.consume();
        });
        setOnMousePressed(e -> e.consume());
        setOnMouseDragged(e -> {
            target.centreOn((e.getX() - ox) / scale, (e.getY() - oy) / scale);
            e.consume();
        });
    }

    /** Whether the minimap may show at all (a presentation hides it). */
    void enabled(boolean on) {
        enabled = on;
        setVisible(on && layout.size() > 0);
    }

    /** The layout whose dots it draws. */
    NodeLayout drawnLayout() {
        return layout;
    }

    void update(NodeLayout l, boolean[] visible) {
        layout = l;
        double w = Math.max(1, l.maxX() - l.minX());
        double h = Math.max(1, l.maxY() - l.minY());
        scale = Math.min((WIDTH - 2 * PAD) / w, (HEIGHT - 2 * PAD) / h);
        ox = PAD + (WIDTH - 2 * PAD - w * scale) / 2 - l.minX() * scale;
        oy = PAD + (HEIGHT - 2 * PAD - h * scale) / 2 - l.minY() * scale;
        // one pixel-sized dot per node, written into a pixel array and drawn as one image: 100,000
        // separate fillRect calls would cost the renderer a long first frame
        int iw = (int) WIDTH;
        int ih = (int) HEIGHT;
        int[] alpha = new int[iw * ih];
        for (int i = 0; i < l.size(); i++) {
            if (i >= visible.length || !visible[i] || Double.isNaN(l.x()[i])) {
                continue;
            }
            double fx = l.x()[i] * scale + ox;
            double fy = l.y()[i] * scale + oy;
            int px = (int) fx;
            int py = (int) fy;
            if (fx < 0 || fy < 0 || px >= iw || py >= ih) {
                continue;
            }
            // a 1.5-pixel square: the pixel itself, half of its right and lower neighbours
            alpha[py * iw + px] = 255;
            if (px + 1 < iw) {
                alpha[py * iw + px + 1] = Math.max(alpha[py * iw + px + 1], 128);
            }
            if (py + 1 < ih) {
                alpha[(py + 1) * iw + px] = Math.max(alpha[(py + 1) * iw + px], 128);
                if (px + 1 < iw) {
                    alpha[(py + 1) * iw + px + 1] = Math.max(alpha[(py + 1) * iw + px + 1], 64);
                }
            }
        }
        int[] argb = new int[iw * ih];
        for (int k = 0; k < argb.length; k++) {
            argb[k] = alpha[k] << 24 | DOT_RGB;
        }
        WritableImage image = new WritableImage(iw, ih);
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbInstance(), argb, 0, iw);
        GraphicsContext g = dots.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.drawImage(image, 0, 0);
    }

    void showViewport(Viewport vp, double viewW, double viewH) {
        double x0 = vp.toWorldX(0) * scale + ox;
        double y0 = vp.toWorldY(0) * scale + oy;
        double x1 = vp.toWorldX(viewW) * scale + ox;
        double y1 = vp.toWorldY(viewH) * scale + oy;
        double cx0 = Math.max(0, Math.min(WIDTH, x0));
        double cy0 = Math.max(0, Math.min(HEIGHT, y0));
        double cx1 = Math.max(0, Math.min(WIDTH, x1));
        double cy1 = Math.max(0, Math.min(HEIGHT, y1));
        frame.setX(cx0);
        frame.setY(cy0);
        frame.setWidth(Math.max(2, cx1 - cx0));
        frame.setHeight(Math.max(2, cy1 - cy0));
        setVisible(enabled && layout.size() > 0);
    }

    @Override
    protected void layoutChildren() {
        dots.relocate(0, 0);
    }
}
