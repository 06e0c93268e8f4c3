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

    /** The view's current picture as an SVG document. */
    public static String svg(ReasoningGraphView view) {
        SvgSurface s = new SvgSurface();
        view.painter().paint(s, view.frame(view.getWidth(), view.getHeight(), view.viewport()));
        return s.document();
    }

    public static void svg(ReasoningGraphView view, Path file) throws IOException {
        Files.writeString(file, svg(view), StandardCharsets.UTF_8);
    }
}
