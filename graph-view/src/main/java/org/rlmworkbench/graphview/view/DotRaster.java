package org.rlmworkbench.graphview.view;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A pixel buffer for the far-out level of detail: tens of thousands of dots and edges are written
 * straight into an int array and drawn as one image, which is many times cheaper for the JavaFX
 * renderer than one shape per node.
 */
final class DotRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /** Starts a frame of the given size, filled with {@code background}. */
    void begin(int w, int h, Color background) {
        if (w != width || h != height || buffer == null) {
            width = Math.max(1, w);
            height = Math.max(1, h);
            pixels = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        Arrays.fill(pixels, argb(background));
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** A filled square dot of radius {@code r} pixels around (cx, cy). */
    void dot(double cx, double cy, double r, int color) {
        int x0 = (int) Math.max(0, Math.floor(cx - r));
        int x1 = (int) Math.min(width - 1, Math.ceil(cx + r));
        int y0 = (int) Math.max(0, Math.floor(cy - r));
        int y1 = (int) Math.min(height - 1, Math.ceil(cy + r));
        double r2 = (r + 0.5) * (r + 0.5);
        boolean round = r >= 2.5;
        for (int y = y0; y <= y1; y++) {
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                if (!round || (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2) {
                    pixels[row + x] = color;
                }
            }
        }
    }

    /** A one-pixel line, clipped to the frame (Liang-Barsky), drawn with Bresenham's algorithm. */
    void line(double ax, double ay, double bx, double by, int color) {
        double dx = bx - ax;
        double dy = by - ay;
        // Liang-Barsky against x in [0, width - 1] and y in [0, height - 1], without arrays
        clipLo = 0;
        clipHi = 1;
        if (!clip(-dx, ax) || !clip(dx, width - 1 - ax) || !clip(-dy, ay) || !clip(dy, height - 1 - ay)) {
            return;
        }
        double t0 = clipLo;
        double t1 = clipHi;
        if (t0 > t1) {
            return;
        }
        int x = (int) Math.round(ax + t0 * dx);
        int y = (int) Math.round(ay + t0 * dy);
        int xe = (int) Math.round(ax + t1 * dx);
        int ye = (int) Math.round(ay + t1 * dy);
        int sx = x < xe ? 1 : -1;
        int sy = y < ye ? 1 : -1;
        int ddx = Math.abs(xe - x);
        int ddy = -Math.abs(ye - y);
        int err = ddx + ddy;
        while (true) {
            if (x >= 0 && y >= 0 && x < width && y < height) {
                pixels[y * width + x] = color;
            }
            if (x == xe && y == ye) {
                break;
            }
            int e2 = 2 * err;
            if (e2 >= ddy) {
                err += ddy;
                x += sx;
            }
            if (e2 <= ddx) {
                err += ddx;
                y += sy;
            }
        }
    }

    private double clipLo;
    private double clipHi;

    /** One Liang-Barsky edge test on [clipLo, clipHi]; false when the line lies wholly outside. */
    private boolean clip(double p, double q) {
        if (p == 0) {
            return q >= 0;
        }
        double t = q / p;
        if (p < 0) {
            clipLo = Math.max(clipLo, t);
        } else {
            clipHi = Math.min(clipHi, t);
        }
        return true;
    }

    /** Shows the frame on {@code g}. */
    void end(GraphicsContext g) {
        buffer.updateBuffer(b -> null);
        g.drawImage(image, 0, 0);
    }
}
