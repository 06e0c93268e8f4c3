package org.rlmworkbench.graphview.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.rlmworkbench.graphview.view.ReasoningGraphView;

/**
 * Exports what a {@link ReasoningGraphView} shows: PNG from a JavaFX snapshot (converted to a
 * BufferedImage pixel by pixel, so javafx-swing is not needed), SVG by running the same painter on
 * an {@link SvgSurface}. Call on the JavaFX thread.
 */
public final class ViewExport {

    private ViewExport() {
    }

    /** Writes a snapshot of {@code node} (the view, or a pane around it) as PNG. */
    public static void png(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        writePng(img, file);
    }

    /** Writes a JavaFX image as PNG. */
    public static void writePng(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /**
     * The whole tree, fitted into {@code width} x {@code height} pixels (enlarged up to 4x for a
     * small tree), as PNG: the chosen resolution, not the screen's, and without the minimap.
     */
    public static void png(ReasoningGraphView view, Path file, int width, int height) throws IOException {
        if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("the size must be 16 to " + MAX_SIDE + " pixels a side, got " + width
                    + "x" + height);
        }
        javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(width, height);
        var vp = view.fittedViewport(width, height, 4.0);
        view.painter().paint(new org.rlmworkbench.graphview.view.CanvasSurface(canvas.getGraphicsContext2D()),
                view.frame(width, height, vp));
        writePng(canvas.snapshot(null, null), file);
    }

    /** The largest side of an exported picture, in pixels. */
    public static final int MAX_SIDE = 8192;

    /**
     * The whole graph as an SVG document, at scale 1: every node is a card with its step and
     * numbers, whatever the zoom on screen.
     */
    public static String svg(ReasoningGraphView view) {
        SvgSurface s = new SvgSurface();
        var size = view.naturalSize();
        view.painter().paint(s, view.frame(size.getX(), size.getY(), view.fittedViewport(size.getX(), size.getY(), 1.0)));
        return s.document();
    }

    public static void svg(ReasoningGraphView view, Path file) throws IOException {
        Files.writeString(file, svg(view), StandardCharsets.UTF_8);
    }
}
