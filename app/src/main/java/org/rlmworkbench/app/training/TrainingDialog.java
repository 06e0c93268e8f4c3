package org.rlmworkbench.app.training;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.training.TrainingCancelledException;
import org.rlmworkbench.runner.training.TrainingEvent;
import org.rlmworkbench.runner.training.TrainingPipeline;
import org.rlmworkbench.runner.training.TrainingSettings;

/**
 * Trains policy and value networks (and the character language model) from MCTS traces, x1
 * style, on a background thread: a progress bar, a live loss chart per network, a log, and a
 * cancel button. When training ends, the caller is handed the model directory.
 */
public final class TrainingDialog {
    private final Stage stage = new Stage();
    private final Spinner<Integer> phases = new Spinner<>(1, 10, 2);
    private final Spinner<Integer> instances = new Spinner<>(10, 2000, 100, 10);
    private final Spinner<Integer> budget = new Spinner<>(50, 100_000, 300, 50);
    private final TextField seed = new TextField("7");
    private final TextField out = new TextField();
    private final javafx.scene.control.CheckBox withLm =
            new javafx.scene.control.CheckBox("also train the generative policy (a character transformer; slow on a CPU)");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose the settings and press Train.");
    private final ListView<String> log = new ListView<>();
    private final LineChart<Number, Number> chart;
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final Button train = new Button("Train");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Problem<?> problem;
    private final Consumer<Path> onTrained;
    private int step;
    private Thread worker;

    /** A dialog for {@code problem}; {@code onTrained} gets the model directory on the JavaFX thread. */
    public TrainingDialog(Window owner, Problem<?> problem, Path defaultOut, Consumer<Path> onTrained) {
        this.problem = problem;
        this.onTrained = onTrained;
        stage.initOwner(owner);
        stage.setTitle("Train models for " + problem.displayName());
        out.setText(defaultOut.toString());
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch (all phases)");
        NumberAxis y = new NumberAxis();
        y.setLabel("loss");
        chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setId("loss-chart");
        progress.setId("training-progress");
        train.setId("train");
        // Enter in a field must not start a run of many minutes: Train is pressed on purpose
        train.setDefaultButton(false);
        for (Spinner<Integer> sp : List.of(phases, instances, budget)) {
            typeable(sp);
        }
        close.setId("close-training");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelled.set(true);
            stage.close();
        });
        cancel.setId("cancel-training");
        cancel.setDisable(true);
        seed.setPrefColumnCount(6);
        seed.setId("training-seed");
        phases.setId("training-phases");
        status.setId("training-status");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Phases (expert iterations)"), phases);
        form.addRow(1, new Label("Training instances searched per phase"), instances);
        form.addRow(2, new Label("MCTS budget per instance"), budget);
        form.addRow(3, new Label("Seed"), seed);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Where to save the models");
            var d = dc.showDialog(stage);
            if (d != null) {
                out.setText(d.getPath());
            }
        });
        form.addRow(4, new Label("Save models in"), new HBox(4, out, browse));
        form.add(withLm, 1, 5);
        train.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelled.set(true));
        HBox buttons = new HBox(8, train, cancel, close, progress, status);
        progress.setPrefWidth(220);
        VBox top = new VBox(10, form, buttons);
        top.setPadding(new Insets(10));
        BorderPane root = new BorderPane(chart, top, null, log, null);
        log.setPrefHeight(160);
        stage.setScene(new Scene(root, 820, 640));
        stage.setOnCloseRequest(e -> cancelled.set(true));
    }

    /**
     * Lets a number be typed into {@code sp}: digits only, taken when the field loses focus or on
     * Enter, and kept within the spinner's range.
     */
    private static void typeable(Spinner<Integer> sp) {
        sp.setEditable(true);
        sp.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                c -> c.getControlNewText().matches("\\d{0,7}") ? c : null));
        sp.getEditor().focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(sp);
            }
        });
        sp.getEditor().setOnAction(e -> commit(sp));
    }

    private static void commit(Spinner<Integer> sp) {
        var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) sp.getValueFactory();
        String t = sp.getEditor().getText();
        int v = t.isBlank() ? f.getValue() : Math.max(f.getMin(), Math.min(f.getMax(), Integer.parseInt(t)));
        f.setValue(v);
        sp.getEditor().setText(Integer.toString(v));
    }

    /** The dialog's window, for tests. */
    Stage stage() {
        return stage;
    }

    /** The spinners, for tests. */
    List<Spinner<Integer>> spinners() {
        return List.of(phases, instances, budget);
    }

    public void show() {
        stage.show();
    }

    private void start() {
        spinners().forEach(TrainingDialog::commit);
        long s;
        try {
            s = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            status.setText("Seed: must be a whole number, got '" + seed.getText() + "'");
            return;
        }
        TrainingSettings settings = TrainingSettings.defaults(problem.id()).withPhases(phases.getValue())
                .withInstances(instances.getValue(), Math.max(10, instances.getValue() / 5))
                .withBudget(budget.getValue()).withSeed(s);
        if (!withLm.isSelected()) {
            settings = settings.withSizes(settings.featureDims(), settings.hidden(), false, settings.lmWidth(),
                    settings.lmLayers());
        }
        TrainingSettings chosen = settings;
        Path dir = Path.of(out.getText().trim());
        cancelled.set(false);
        train.setDisable(true);
        cancel.setDisable(false);
        chart.getData().clear();
        series.clear();
        log.getItems().clear();
        step = 0;
        status.setText("Training…");
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        worker = new Thread(() -> {
            try {
                TrainingPipeline.Outcome o = TrainingPipeline.run(problem, chosen, dir,
                        ev -> Platform.runLater(() -> show(ev)), cancelled::get);
                Platform.runLater(() -> done(String.format(Locale.ROOT, "Trained in %.0f s; models in %s.",
                        o.seconds(), o.modelDir()), o.modelDir()));
            } catch (TrainingCancelledException e) {
                Platform.runLater(() -> done("Cancelled; finished phases are kept in " + dir + ".", null));
            } catch (Exception e) {
                Platform.runLater(() -> done("Training failed: " + e.getMessage(), null));
            }
        }, "rlm-training");
        worker.setDaemon(true);
        worker.start();
    }

    private void show(TrainingEvent e) {
        if (e instanceof TrainingEvent.PhaseStarted p) {
            log.getItems().add("Phase " + p.phase() + " of " + p.phases() + " begins.");
            progress.setProgress((double) (p.phase() - 1) / p.phases());
        } else if (e instanceof TrainingEvent.SearchProgress sp) {
            status.setText(String.format(Locale.ROOT, "phase %d: searching %s %d/%d (%d solved)", sp.phase(),
                    sp.split(), sp.done(), sp.total(), sp.solved()));
            // the search is most of a phase: the bar moves with it, and jumps at the phase's end
            if (sp.total() > 0 && "train".equals(sp.split())) {
                progress.setProgress((sp.phase() - 1 + 0.8 * sp.done() / (double) sp.total()) / phases.getValue());
            }
        } else if (e instanceof TrainingEvent.EpochFinished ep) {
            step++;
            point(ep.network() + " train", step, ep.trainLoss());
            if (!Double.isNaN(ep.validationLoss())) {
                point(ep.network() + " validation", step, ep.validationLoss());
            }
            status.setText(String.format(Locale.ROOT, "phase %d: %s epoch %d, loss %.4f", ep.phase(), ep.network(),
                    ep.epoch(), ep.trainLoss()));
        } else if (e instanceof TrainingEvent.NetworkTrained nt) {
            log.getItems().add(String.format(Locale.ROOT, "Phase %d: %s trained for %d epochs%s, best validation loss %.4f.",
                    nt.phase(), nt.network(), nt.epochs(), nt.early() ? " (early stop)" : "", nt.bestValidationLoss()));
        } else if (e instanceof TrainingEvent.PhaseFinished pf) {
            progress.setProgress((double) pf.phase() / Math.max(1, phases.getValue()));
            log.getItems().add(String.format(Locale.ROOT, "Phase %d done%s: search solved %.1f%%; checkpoint %s.",
                    pf.phase(), pf.resumed() ? " (resumed from its checkpoint)" : "", 100 * pf.searchSolveRate(),
                    pf.checkpoint()));
        }
        log.scrollTo(log.getItems().size() - 1);
    }

    private void point(String name, int x, double y) {
        XYChart.Series<Number, Number> s = series.computeIfAbsent(name, n -> {
            XYChart.Series<Number, Number> created = new XYChart.Series<>();
            created.setName(n);
            chart.getData().add(created);
            return created;
        });
        s.getData().add(new XYChart.Data<>(x, y));
    }

    private void done(String message, Path modelDir) {
        status.setText(message);
        log.getItems().add(message);
        train.setDisable(false);
        cancel.setDisable(true);
        if (progress.getProgress() < 0) {
            progress.setProgress(0);
        }
        if (modelDir != null) {
            progress.setProgress(1);
            onTrained.accept(modelDir);
        }
    }
}
