package org.rlmworkbench.editor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** The JavaFX application behind {@link SchemeEditorApp}: one window with a {@link SchemeEditorPane}. */
public final class EditorApplication extends Application {

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        SchemeEditorPane editor = new SchemeEditorPane();
        Scene scene = new Scene(editor, 1560, 960);
        stage.setScene(scene);
        stage.titleProperty().bind(editor.model().titleProperty().concat(" — RLM Workbench scheme editor"));
        stage.setOnCloseRequest(e -> {
            if (!editor.confirmClose()) {
                e.consume();
            }
        });
        String template = option(args, "--template");
        String open = option(args, "--open");
        String snapshot = option(args, "--snapshot");
        if (template != null) {
            editor.openTemplate(template);
        }
        if (args.contains("--tidy")) {
            editor.model().tidy();
        }
        stage.show();
        if (open != null) {
            editor.openFile(Path.of(open));
        } else if (template == null && snapshot == null) {
            editor.offerRecovery();
        }
        if (snapshot != null) {
            editor.model().selectOnly(option(args, "--select"));
            PauseTransition wait = new PauseTransition(Duration.seconds(1.5));
            PauseTransition settle = new PauseTransition(Duration.seconds(0.5));
            settle.setOnFinished(e -> {
                editor.canvas().fitToContent();
                wait.play();
            });
            wait.setOnFinished(e -> {
                try {
                    writePng(scene.snapshot(null), Path.of(snapshot));
                } catch (IOException ex) {
                    System.err.println("cannot write " + snapshot + ": " + ex.getMessage());
                }
                Platform.exit();
            });
            settle.play();
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** Writes an image as PNG without javafx-swing. */
    static void writePng(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        ImageIO.write(out, "png", abs.toFile());
    }
}
