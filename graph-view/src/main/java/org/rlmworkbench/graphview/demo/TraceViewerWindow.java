package org.rlmworkbench.graphview.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.rlmworkbench.graphview.export.GraphExport;
import org.rlmworkbench.graphview.export.ViewExport;
import org.rlmworkbench.graphview.inspector.InspectorModel;
import org.rlmworkbench.graphview.inspector.InspectorPane;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * The window of {@link TraceViewerDemo}: plays a recorded JSON Lines trace (from {@code workbench run --trace}) in a window with the
 * graph view and the inspector.
 *
 * <p>Usage: {@code TraceViewerDemo trace.jsonl [speed] [--layout KIND] [--top-k K] [--snapshot out.png
 * [--zoom SCALE]]}. {@code speed}
 * multiplies the base rate of 40 events per second ({@code max} applies the whole trace at once).
 * With {@code --snapshot} the demo plays the trace, selects the best path's last node, saves a PNG
 * of the window and exits.
 */
public final class TraceViewerWindow extends Application {

    private static final double BASE_RATE = 40;

    @Override
    public void start(Stage stage) throws IOException {
        TraceViewerArgs parsed = TraceViewerArgs.parseOrReport(getParameters().getRaw(), System.err);
        if (parsed == null) {
            Platform.exit();
            return;
        }
        Path trace = parsed.trace();
        List<RunEvent> events = parsed.contents().events();
        double speed = parsed.speed();
        Path snapshot = parsed.snapshot();
        LayoutKind kind = parsed.kind();
        double zoom = parsed.zoom();
        int topK = parsed.topK();

        GraphViewModel model = new GraphViewModel();
        ReasoningGraphView view = new ReasoningGraphView(model);
        InspectorModel inspectorModel = new InspectorModel(model);
        InspectorPane inspector = new InspectorPane(inspectorModel);
        view.selectedNodeProperty().addListener((o, a, b) -> inspectorModel.show(b.intValue()));
        TracePlayer player = new TracePlayer(events, model);
        player.eventsPerSecondProperty().set(BASE_RATE * speed);
        if (Double.isFinite(speed)) {
            view.speedProperty().set(Math.max(0.25, Math.min(4, speed)));
        } else {
            view.animatedProperty().set(false);
        }

        view.layoutKindProperty().set(kind);
        view.topKProperty().set(topK);
        BorderPane root = new BorderPane(view);
        root.setTop(toolbar(view, player, trace));
        root.setRight(inspector);
        Label status = new Label();
        status.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                "%s   |   %d nodes, event %d of %d   |   layout %.1f ms, frame %.1f ms", model.titleProperty().get(),
                model.size(), player.positionProperty().get(), player.total(), view.lastLayoutMillis(),
                view.lastFrameMillis()), player.positionProperty(), view.layoutRevisionProperty()));
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
        Scene scene = new Scene(root, 1600, 1000);
        stage.setTitle("RLM Workbench - trace viewer - " + trace.getFileName());
        stage.setScene(scene);
        stage.show();
        view.requestFocus();
        player.playingProperty().set(true);

        if (snapshot != null) {
            Path out = snapshot;
            double z = zoom;
            player.positionProperty().addListener((o, a, b) -> {
                if (player.finished()) {
                    PauseTransition settle = new PauseTransition(Duration.seconds(2.5));
                    settle.setOnFinished(e -> saveAndExit(root, view, model, out, z));
                    settle.play();
                }
            });
        }
    }

    private static void saveAndExit(BorderPane root, ReasoningGraphView view, GraphViewModel model, Path out,
                                    double zoom) {
        int[] best = model.bestPathProperty().get();
        if (best.length > 0) {
            // the root: its children table shows the selection terms of the last Select
            view.select(best[0]);
            if (!Double.isNaN(zoom)) {
                var p = view.worldPosition(best[Math.max(0, best.length - 2)]);
                view.viewport().set(zoom, 0, 0);
                view.viewport().centreOn(p.getX(), p.getY() + 60, view.getWidth(), view.getHeight());
            }
        }
        view.paint();
        PauseTransition p = new PauseTransition(Duration.millis(300));
        p.setOnFinished(e -> {
            try {
                ViewExport.png(root, out);
                System.out.println("saved " + out);
            } catch (IOException ex) {
                System.err.println("cannot save " + out + ": " + ex.getMessage());
            }
            Platform.exit();
        });
        p.play();
    }

    private static HBox toolbar(ReasoningGraphView view, TracePlayer player, Path trace) {
        ToggleButton play = new ToggleButton("Play");
        play.selectedProperty().bindBidirectional(player.playingProperty());
        Button step = new Button("Step");
        step.setOnAction(e -> player.step(1));
        Button end = new Button("To end");
        end.setOnAction(e -> player.toEnd());
        Slider speed = new Slider(0.25, 8, view.speedProperty().get());
        speed.setPrefWidth(120);
        speed.valueProperty().addListener((o, a, b) -> {
            view.speedProperty().set(b.doubleValue());
            player.eventsPerSecondProperty().set(BASE_RATE * b.doubleValue());
        });
        CheckBox animate = new CheckBox("Animate");
        animate.selectedProperty().bindBidirectional(view.animatedProperty());
        ChoiceBox<LayoutKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(LayoutKind.values());
        kind.valueProperty().bindBidirectional(view.layoutKindProperty());
        CheckBox hidePruned = new CheckBox("Hide pruned");
        hidePruned.selectedProperty().bindBidirectional(view.hidePrunedProperty());
        Spinner<Integer> topK = new Spinner<>(0, 50, 0);
        topK.setPrefWidth(70);
        topK.valueProperty().addListener((o, a, b) -> view.topKProperty().set(b));
        TextField search = new TextField();
        search.setPromptText("search step text");
        view.searchTextProperty().bind(search.textProperty());
        search.setOnAction(e -> view.nextMatch());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> view.fitToView());
        Button png = new Button("PNG");
        png.setOnAction(e -> export(() -> ViewExport.png(view, sibling(trace, ".png"))));
        Button svg = new Button("SVG");
        svg.setOnAction(e -> export(() -> ViewExport.svg(view, sibling(trace, ".svg"))));
        Button graphml = new Button("GraphML");
        graphml.setOnAction(e -> export(() -> GraphExport.write(view.model().graph(), sibling(trace, ".graphml"))));
        Button dot = new Button("DOT");
        dot.setOnAction(e -> export(() -> GraphExport.write(view.model().graph(), sibling(trace, ".dot"))));
        Button json = new Button("JSON");
        json.setOnAction(e -> export(() -> GraphExport.write(view.model().graph(), sibling(trace, ".graph.json"))));
        HBox bar = new HBox(8, play, step, end, new Label("Speed"), speed, animate, new Label("Layout"), kind,
                hidePruned, new Label("Top-k"), topK, search, fit, png, svg, graphml, dot, json);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void export(IoAction a) {
        try {
            a.run();
        } catch (IOException ex) {
            System.err.println("export failed: " + ex.getMessage());
        }
    }

    private static Path sibling(Path trace, String ext) {
        String name = trace.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        return trace.resolveSibling(name + ext);
    }

}
