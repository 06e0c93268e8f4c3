package org.rlmworkbench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The workbench window: Game of 24, a sample instance and the MCTS scheme are loaded, so one press
 * on Play shows a tree growing. Options: {@code --workspace FILE}, {@code --presentation},
 * {@code --speed EVENTS_PER_SECOND|max}, and {@code --play} to start playing at once (a classroom
 * display, a demo, a long measured run).
 */
public final class WorkbenchApp extends Application {
    private MainController controller;
    private final LayoutMemory layout = LayoutMemory.forUser();

    @Override
    public void start(Stage stage) throws IOException {
        Timing.mark("start");
        FXMLLoader loader = new FXMLLoader(WorkbenchApp.class.getResource("MainWindow.fxml"));
        Parent root = loader.load();
        controller = loader.getController();
        Timing.mark("window built");
        controller.attach(stage);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(LayoutMemory.DEFAULT_WIDTH, screen.getWidth()),
                Math.min(LayoutMemory.DEFAULT_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("RLM Workbench");
        layout.restore(stage, controller.splitPanes());
        stage.setOnCloseRequest(e -> {
            layout.save(stage, controller.splitPanes());
            if (!controller.close()) {
                e.consume();
            }
        });
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        int w = args.indexOf("--workspace");
        Path workspace = w >= 0 && w + 1 < args.size() ? Path.of(args.get(w + 1)) : null;
        int sp = args.indexOf("--speed");
        if (sp >= 0 && sp + 1 < args.size()) {
            controller.setSpeed(args.get(sp + 1));
        }
        if (args.contains("--presentation")) {
            controller.setPresentation(true);
        }
        afterFirstFrame(() -> {
            controller.loadSample();
            String models = option(args, "--models"); // trained networks, e.g. for a workspace that names them
            if (models != null) {
                controller.registerModels(Path.of(models));
            }
            controller.chooseLanguageModels(option(args, "--writer"), option(args, "--judge"));
            if (workspace != null) {
                controller.openWorkspace(workspace);
            }
            Timing.mark("ready to play");
            if (args.contains("--play")) {
                controller.play();
            }
        });
        stage.show();
    }

    /** The value after {@code name} in the arguments, or null. */
    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /**
     * Prints how long after the JVM started the first frame was drawn (the launch-time figure),
     * then runs {@code then}.
     */
    private static void afterFirstFrame(Runnable then) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    System.out.printf(Locale.ROOT, "RLM Workbench: first frame %d ms after launch%n",
                            System.currentTimeMillis() - jvmStart);
                    stop();
                    javafx.application.Platform.runLater(then);
                }
            }
        }.start();
    }

    MainController controller() {
        return controller;
    }
}
