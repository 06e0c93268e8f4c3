package org.rlmworkbench.app;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.rlmworkbench.app.charts.ChartsPane;
import org.rlmworkbench.app.picker.ProblemPicker;
import org.rlmworkbench.app.session.RunSession;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.app.workspace.Workspace;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.editor.SchemeEditorPane;
import org.rlmworkbench.graphview.export.GraphExport;
import org.rlmworkbench.graphview.export.ViewExport;
import org.rlmworkbench.graphview.inspector.InspectorModel;
import org.rlmworkbench.graphview.inspector.InspectorPane;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.debug.DebugState;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.model.ModelCatalog;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.narrate.Narrator;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.trace.TraceWriter;

/**
 * The workbench window's controller: places the editor, graph view, inspector, charts and
 * narration, and forwards the toolbar's commands to the {@link RunSession}. Logic lives in the
 * session and the runner; this class only wires.
 */
public final class MainController {
    private static final PseudoClass EXECUTING = PseudoClass.getPseudoClass("executing");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final int NARRATION_LIMIT = 3000;
    private static final int NARRATED_PER_BATCH = 100;
    private static final int BEST_CHILDREN = 5;
    private static final int PRESENTATION_BEST_CHILDREN = 3;
    static final String DEMO_VALUE = "native-heuristic";
    /** How far a presentation may enlarge the tree to fill the screen. */
    private static final double PRESENTATION_MAX_ZOOM = 2.5;
    /**
     * A presentation's narrowest card, as a share of the tree's width on screen: 160 px at 1280,
     * 240 px at 1920, so the step and its N, Q, P grow with the screen (a larger tree is followed).
     */
    static final double PRESENTATION_CARD_FRACTION = 1 / 8.0;

    @FXML private BorderPane root;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private javafx.scene.layout.Pane setupBar;
    @FXML private StackPane pickerHolder;
    @FXML private StackPane editorHolder;
    @FXML private StackPane graphHolder;
    @FXML private ScrollPane inspectorHolder;
    @FXML private StackPane chartsHolder;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane workSplit;
    @FXML private SplitPane centerSplit;
    @FXML private SplitPane sideSplit;
    @FXML private ListView<String> narration;
    @FXML private Slider timeline;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private CheckBox noAnimation;
    @FXML private Label positionLabel;
    @FXML private ProgressBar progress;
    @FXML private Label statusLabel;
    @FXML private Label stateLabel;
    @FXML private TextField seedField;
    @FXML private TextField budgetField;
    @FXML private ComboBox<String> policyChoice;
    @FXML private ComboBox<String> valueChoice;
    @FXML private ComboBox<String> rewardChoice;
    @FXML private ComboBox<String> writerChoice;
    @FXML private ComboBox<String> judgeChoice;
    @FXML private Label usageLabel;
    @FXML private javafx.scene.layout.HBox outageBanner;
    @FXML private Label outageText;
    @FXML private CheckMenuItem breakOnSolution;
    @FXML private CheckMenuItem bestChildrenOnly;
    @FXML private Label caption;
    @FXML private ToolBar runBar;
    @FXML private javafx.scene.control.RadioMenuItem layoutTree;
    @FXML private javafx.scene.control.RadioMenuItem layoutRadial;
    @FXML private javafx.scene.control.RadioMenuItem layoutBalloon;
    @FXML private javafx.scene.control.RadioMenuItem layoutLayered;

    private final ModelCatalog catalog = new ModelCatalog();
    private final org.rlmworkbench.app.training.TrainedModelRegistry trained =
            new org.rlmworkbench.app.training.TrainedModelRegistry(catalog);
    private final RunSession session = new RunSession(catalog);
    private final org.rlmworkbench.app.endpoints.EndpointRegistry endpoints =
            new org.rlmworkbench.app.endpoints.EndpointRegistry(catalog, System::getenv);
    private final javafx.beans.property.IntegerProperty promptsInFlight = new javafx.beans.property.SimpleIntegerProperty();
    private final Narrator narrator = new Narrator();
    private final GraphViewModel graphModel = new GraphViewModel();
    private SchemeEditorPane editor;
    private ReasoningGraphView graphView;
    private InspectorModel inspectorModel;
    private ChartsPane charts;
    private ProblemPicker picker;
    private Stage stage;
    private Path workspaceFile;
    private String executingNode;
    private boolean presentation;
    private boolean updatingTimeline;
    private boolean setupPending;
    private boolean sampleLoaded;
    private List<String> hiddenForPresentation;
    /** An imported tree on the timeline instead of a run; null while the window shows a run. */
    private org.rlmworkbench.app.imports.ImportedPlayback imported;

    @FXML
    private void initialize() {
        Timing.mark("controller");
        editor = new SchemeEditorPane();
        Timing.mark("editor");
        editorHolder.getChildren().add(editor);
        MenuMerge.into(menuBar, editor.detachMenus());
        graphView = new ReasoningGraphView(graphModel);
        graphView.setId("graph-view");
        graphView.autoFitProperty().set(true);
        // a tidy top-down tree keeps its cards and numbers readable; MCTS on Game of 24 branches 36 ways
        // at the root, so only the best children of each node are drawn, with a "+31 more" stub
        graphView.layoutKindProperty().set(org.rlmworkbench.graphview.layout.LayoutKind.TREE);
        graphView.topKProperty().set(BEST_CHILDREN);
        graphHolder.getChildren().add(graphView);
        inspectorModel = new InspectorModel(graphModel);
        inspectorHolder.setContent(new InspectorPane(inspectorModel));
        graphView.selectedNodeProperty().addListener((o, a, b) -> inspectorModel.show(b.intValue()));
        graphModel.revisionProperty().addListener((o, a, b) -> inspectorModel.refresh());
        Timing.mark("graph view");
        charts = new ChartsPane();
        chartsHolder.getChildren().add(charts);
        picker = new ProblemPicker();
        pickerHolder.getChildren().add(picker);
        Timing.mark("picker");

        policyChoice.setItems(FXCollections.observableArrayList(catalog.policyNames()));
        valueChoice.setItems(FXCollections.observableArrayList(catalog.valueNames()));
        rewardChoice.setItems(FXCollections.observableArrayList(catalog.rewardNames()));
        policyChoice.setValue(ModelChoice.NATIVE.policy());
        // the demo's value source: the problem's heuristic gives every node a graded value, so the colours
        // mean something and the sample instance is solved within seconds at the default speed
        valueChoice.setValue(DEMO_VALUE);
        rewardChoice.setValue(ModelChoice.NATIVE.reward());
        writerChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
        judgeChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
        writerChoice.setValue(ModelChoice.NATIVE.writer());
        judgeChoice.setValue(ModelChoice.NATIVE.judge());
        loadEndpoints();
        usageLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = promptsInFlight.get();
            String used = session.usageTextProperty().get();
            String flying = n == 0 ? "" : n + " prompt" + (n == 1 ? "" : "s") + " in flight";
            return flying.isEmpty() || used.isEmpty() ? flying + used : flying + " · " + used;
        }, promptsInFlight, session.usageTextProperty()));
        endpoints.onInFlight(n -> Platform.runLater(() -> promptsInFlight.set(endpoints.inFlight())));
        endpoints.onOutage(o -> Platform.runLater(() -> showOutage(o.orElse(null))));
        seedField.setText("7");

        narration.setCellFactory(v -> new NarrationCell());
        session.addConsumer(batch -> {
            if (imported == null) {
                onEvents(batch);
            }
        });
        session.stateProperty().addListener((o, a, b) -> showState(b));
        session.messageProperty().addListener((o, a, b) -> status(b, !b.isEmpty()));
        session.positionProperty().addListener((o, a, b) -> syncTimeline());
        session.furthestProperty().addListener((o, a, b) -> syncTimeline());
        timeline.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                seekToTimeline();
            }
        });
        timeline.setOnMouseReleased(e -> seekToTimeline());
        timeline.setOnKeyReleased(e -> seekToTimeline());

        speedSlider.valueProperty().addListener((o, a, b) -> applySpeed());
        noAnimation.selectedProperty().addListener((o, a, b) -> applySpeed());
        applySpeed();

    }

    /**
     * Loads the sample scheme, problem and instance. The app calls it just after the first frame:
     * generating the dataset and laying out the template take a moment the window need not wait for.
     */
    void loadSample() {
        if (sampleLoaded) {
            return;
        }
        editor.openTemplate("mcts");
        Platform.runLater(() -> editor.canvas().fitToContent());
        picker.select("game24", org.rlmworkbench.runner.problem.Problems.byId("game24").sampleInstance());
        editor.model().schemeProperty().addListener((o, a, b) -> onSchemeChanged(a, b));
        picker.validInstanceProperty().addListener((o, a, b) -> setupChanged());
        seedField.textProperty().addListener((o, a, b) -> setupChanged());
        budgetField.textProperty().addListener((o, a, b) -> setupChanged());
        policyChoice.valueProperty().addListener((o, a, b) -> setupChanged());
        valueChoice.valueProperty().addListener((o, a, b) -> setupChanged());
        rewardChoice.valueProperty().addListener((o, a, b) -> setupChanged());
        writerChoice.valueProperty().addListener((o, a, b) -> setupChanged());
        judgeChoice.valueProperty().addListener((o, a, b) -> setupChanged());
        loadSetup();
        showState(DebugState.READY);
        sampleLoaded = true;
        Timing.mark("run loaded");
    }

    void attach(Stage s) {
        this.stage = s;
    }

    // ------------------------------------------------------------ the run

    /** The setup the controls describe, or null (with the reason in the status line). */
    RunSetup currentSetup() {
        Scheme scheme = editor.model().getScheme();
        String instance = picker.validInstanceProperty().get();
        if (instance == null) {
            status("Instance: " + picker.errorText(), true);
            return null;
        }
        long seed;
        try {
            seed = Long.parseLong(seedField.getText().trim());
        } catch (NumberFormatException e) {
            status("Seed: must be a whole number, got '" + seedField.getText() + "'", true);
            return null;
        }
        Integer budget = null;
        if (!budgetField.getText().isBlank()) {
            try {
                budget = Integer.parseInt(budgetField.getText().trim());
                if (budget < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                status("Budget: must be a positive whole number, got '" + budgetField.getText() + "'", true);
                return null;
            }
        }
        return new RunSetup(scheme, picker.problemId(), instance, new ModelChoice(policyChoice.getValue(),
                valueChoice.getValue(), rewardChoice.getValue(), writerChoice.getValue(), judgeChoice.getValue()), seed,
                budget);
    }

    private boolean loadSetup() {
        imported = null;
        RunSetup s = currentSetup();
        setupPending = false;
        if (s == null) {
            return false;
        }
        clearViews();
        boolean ok = session.load(s);
        session.setBreakOnSolution(breakOnSolution.isSelected());
        if (ok) {
            status("Ready: " + s.scheme().name() + " on " + s.problem() + " '" + s.instance() + "', seed " + s.seed()
                    + ". Press Play (F5).", false);
        }
        return ok;
    }

    private void setupChanged() {
        DebugState st = session.stateProperty().get();
        if (st == DebugState.READY && session.positionProperty().get() == 0) {
            loadSetup();
        } else {
            setupPending = true;
            status("The setup changed: Reset (Ctrl+R) starts a run with it.", false);
        }
    }

    private void onSchemeChanged(Scheme before, Scheme after) {
        if (after == null) {
            return;
        }
        // Breakpoints take effect at once; any other change waits for the next run.
        for (SchemeNode n : after.nodes()) {
            session.setBreakpoint(n.id(), n.breakpoint());
        }
        if (before != null && before.withNodes(withoutBreakpoints(before)).equals(after.withNodes(
                withoutBreakpoints(after)))) {
            return;
        }
        setupChanged();
    }

    private static List<SchemeNode> withoutBreakpoints(Scheme s) {
        return s.nodes().stream().map(n -> n.withBreakpoint(false)).toList();
    }

    private void clearViews() {
        graphModel.apply(new RunStarted("", "", "", 0));
        charts.accept(List.of());
        narration.getItems().clear();
        highlight(null);
    }

    private void onEvents(List<RunEvent> batch) {
        if (batch.isEmpty()) {
            clearViews();
            return;
        }
        boolean restarted = batch.stream().anyMatch(e -> e instanceof RunStarted);
        graphModel.apply(batch);
        if (restarted && graphModel.size() > 0) {
            // the root's inspector shows the selection terms of its children from the first Select on
            graphView.select(0);
        }
        charts.accept(batch);
        // a batch of a fast run holds more events than anyone reads: only its last ones are put in words
        int narrateFrom = Math.max(0, batch.size() - NARRATED_PER_BATCH);
        List<String> lines = new ArrayList<>(Math.min(batch.size(), NARRATED_PER_BATCH + 1));
        String active = executingNode;
        for (int i = 0; i < batch.size(); i++) {
            RunEvent e = batch.get(i);
            if (e instanceof RunStarted) {
                narration.getItems().clear();
                lines.clear();
            }
            if (i >= narrateFrom) {
                if (i == narrateFrom && i > 0) {
                    lines.add(String.format(Locale.ROOT, "… %,d events passed at full speed (the timeline shows "
                            + "them one by one).", narrateFrom));
                }
                lines.add(narrator.narrate(e));
            } else {
                narrator.observe(e);
            }
            if (e instanceof OperatorEntered oe) {
                // it stays highlighted after its step ends, so a paused run shows where it is
                active = oe.nodeId();
            } else if (e instanceof LoopIteration li && li.budget() > 0) {
                progress.setProgress((double) li.iteration() / li.budget());
            }
        }
        highlight(active);
        var items = narration.getItems();
        items.addAll(lines.size() > NARRATION_LIMIT ? lines.subList(lines.size() - NARRATION_LIMIT, lines.size())
                : lines);
        if (items.size() > NARRATION_LIMIT) {
            items.remove(0, items.size() - NARRATION_LIMIT);
        }
        narration.scrollTo(items.size() - 1);
        if (!items.isEmpty()) {
            caption.setText(items.get(items.size() - 1));
        }
    }

    private void highlight(String nodeId) {
        if (executingNode != null) {
            editor.canvas().skin(executingNode).ifPresent(s -> s.root().pseudoClassStateChanged(EXECUTING, false));
            editor.canvas().skin(executingNode).ifPresent(s -> s.root().getStyleClass().remove("executing"));
        }
        executingNode = nodeId;
        if (nodeId != null) {
            editor.canvas().skin(nodeId).ifPresent(s -> {
                s.root().pseudoClassStateChanged(EXECUTING, true);
                if (!s.root().getStyleClass().contains("executing")) {
                    s.root().getStyleClass().add("executing");
                }
            });
        }
    }

    private void showState(DebugState s) {
        stateLabel.setText(s.name().toLowerCase(Locale.ROOT));
        for (DebugState d : DebugState.values()) {
            stateLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass(d.name().toLowerCase(Locale.ROOT)),
                    d == s);
        }
        if (s == DebugState.FINISHED && session.debugger() != null && session.debugger().result() != null) {
            var r = session.debugger().result();
            String path = solutionPath();
            status(String.format(Locale.ROOT, "Finished: %s, answer %s, %d iterations, %d nodes.%s",
                    r.solved() ? "solved" : "not solved", r.answer() == null ? "none" : r.answer(), r.iterations(),
                    r.nodes(), path.isEmpty() ? "" : " Solution path: " + path), false);
            progress.setProgress(1);
        } else if (s == DebugState.FAILED && session.debugger() != null) {
            status("The run failed: " + session.debugger().failure().getMessage(), true);
        } else if (s == DebugState.RUNNING) {
            progress.setProgress(Math.max(progress.getProgress(), 0));
            status("Running: Pause (F6) stops between two events, Stop (Shift+F5) ends the run.", false);
        } else if (s == DebugState.PAUSED) {
            var why = session.debugger() == null ? null : session.debugger().stopReason();
            status((why == null ? "Paused" : "Stopped " + stopCause(why)) + " after event " + (why == null
                    ? session.positionProperty().get() : why.eventIndex() + 1)
                    + ": step, play, or drag the timeline to look back.", false);
        } else if (s == DebugState.CANCELLED) {
            status("Stopped. Reset (Ctrl+R) starts again.", false);
        }
    }

    /** "at the breakpoint on 'backprop' (Backpropagate)", "at the first solution", "by the condition …". */
    private String stopCause(org.rlmworkbench.runner.debug.StopReason why) {
        return switch (why.kind()) {
            case BREAKPOINT -> "at the breakpoint on '" + why.name() + "'" + editor.model().getScheme().node(why.name())
                    .map(n -> " (" + n.type() + ")").orElse("");
            case SOLUTION -> "at the first solution (Run > Break at the first solution)";
            case CONDITION -> "by the condition '" + why.name() + "'";
        };
    }

    /** The steps from the root to the first solved node, "13-9=4 → 10-4=6 → 4*6=24"; empty if none. */
    private String solutionPath() {
        var g = graphModel.graph();
        for (int i = 0; i < g.size(); i++) {
            if (g.isSolved(i)) {
                List<String> steps = new ArrayList<>();
                for (int n : g.pathTo(i)) {
                    if (g.parent(n) >= 0) {
                        steps.add(g.text(n));
                    }
                }
                return String.join("  →  ", steps);
            }
        }
        return "";
    }

    private void syncTimeline() {
        updatingTimeline = true;
        long pos = imported != null ? imported.position() : session.positionProperty().get();
        long end = imported != null ? imported.end() : session.furthestProperty().get();
        timeline.setMax(Math.max(1, end));
        if (!timeline.isValueChanging()) {
            timeline.setValue(pos);
        }
        positionLabel.setText("event " + pos + " of " + end);
        updatingTimeline = false;
    }

    private void seekToTimeline() {
        if (updatingTimeline) {
            return;
        }
        long target = Math.round(timeline.getValue());
        if (imported != null) {
            showImported(target);
            return;
        }
        if (target != session.positionProperty().get() && target >= 1) {
            session.seek(target);
        }
    }

    /**
     * The slider sets the pace (1 to 10,000 events a second, no pause at its right end) with or
     * without animation; No animation only turns the glides and effects off.
     */
    private void applySpeed() {
        double v = speedSlider.getValue();
        boolean top = v >= speedSlider.getMax() - 0.05;
        double eps = Math.pow(10, v);
        speedLabel.setText(top ? "max" : String.format(Locale.ROOT, "%.0f ev/s", eps));
        session.setDelayMillis(top ? 0 : 1000.0 / eps);
        graphView.animatedProperty().set(!noAnimation.isSelected() && !top);
        // a glide ends before the next event comes (450 ms at speed 1), so the tree is seen at rest between events
        graphView.speedProperty().set(Math.max(0.25, Math.min(4, eps * 0.6)));
    }

    /** Sets the speed slider: events per second, or {@code max} for no pause between events. */
    void setSpeed(String eventsPerSecond) {
        if (eventsPerSecond.equalsIgnoreCase("max")) {
            speedSlider.setValue(speedSlider.getMax());
            return;
        }
        try {
            speedSlider.setValue(Math.log10(Math.max(1, Double.parseDouble(eventsPerSecond))));
        } catch (NumberFormatException e) {
            status("--speed: expected events per second or max, got '" + eventsPerSecond + "'", true);
        }
    }

    /** Shows {@code name} in a writer or judge picker, adding it when it is not listed (e.g. scripted:FILE). */
    private static void chooseLanguageModel(ComboBox<String> picker, String name) {
        if (!picker.getItems().contains(name)) {
            picker.getItems().add(name);
        }
        picker.setValue(name);
    }

    /** Sets the writer and judge pickers, e.g. from the command line ({@code --writer scripted:FILE}). */
    void chooseLanguageModels(String writer, String judge) {
        if (writer != null) {
            chooseLanguageModel(writerChoice, writer);
        }
        if (judge != null) {
            chooseLanguageModel(judgeChoice, judge);
        }
    }

    private void status(String text, boolean error) {
        statusLabel.setText(text);
        statusLabel.pseudoClassStateChanged(ERROR, error);
    }

    private boolean ensureFresh() {
        DebugState st = session.stateProperty().get();
        if (setupPending || st == DebugState.FINISHED || st == DebugState.CANCELLED || st == DebugState.FAILED) {
            return loadSetup();
        }
        return session.debugger() != null || loadSetup();
    }

    @FXML void play() {
        if (imported != null) {
            imported.seek(imported.end());
            showImported(imported.position());
        } else if (ensureFresh()) {
            session.play();
        }
    }

    @FXML void pause() {
        session.pause();
    }

    @FXML void stepEvent() {
        if (imported != null) {
            imported.stepEvent();
            showImported(imported.position());
        } else if (ensureFresh()) {
            session.stepEvent();
        }
    }

    @FXML void stepOperator() {
        if (imported != null) {
            imported.stepEvent();
            showImported(imported.position());
        } else if (ensureFresh()) {
            session.stepOperator();
        }
    }

    @FXML void stepIteration() {
        if (imported != null) {
            imported.stepIteration();
            showImported(imported.position());
        } else if (ensureFresh()) {
            session.stepIteration();
        }
    }

    @FXML void runToBreakpoint() {
        if (imported != null) {
            imported.seek(imported.end());
            showImported(imported.position());
        } else if (ensureFresh()) {
            session.runToBreakpoint();
        }
    }

    @FXML void stop() {
        session.cancel();
        // a run paused on an outage ends cancelled inside the gate, which tells no listener
        outageBanner.setVisible(false);
        outageBanner.setManaged(false);
    }

    @FXML void reset() {
        progress.setProgress(0);
        loadSetup();
    }

    @FXML void toggleBreakOnSolution() {
        session.setBreakOnSolution(breakOnSolution.isSelected());
    }

    @FXML void breakOnNode() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Break when a node is selected");
        d.setHeaderText("Stop the run when Select chooses this reasoning node (its number, as #12 shows).\n"
                + "Leave empty to remove the condition.");
        d.showAndWait().ifPresent(t -> {
            if (t.isBlank()) {
                session.setBreakOnNodeSelected(-1);
                status("Condition removed.", false);
                return;
            }
            try {
                int n = Integer.parseInt(t.trim().replace("#", ""));
                session.setBreakOnNodeSelected(n);
                status("The run stops when node #" + n + " is selected.", false);
            } catch (NumberFormatException e) {
                status("Not a node number: '" + t + "'", true);
            }
        });
    }

    @FXML void chooseLayout() {
        var kind = layoutTree.isSelected() ? org.rlmworkbench.graphview.layout.LayoutKind.TREE
                : layoutBalloon.isSelected() ? org.rlmworkbench.graphview.layout.LayoutKind.BALLOON
                : layoutLayered.isSelected() ? org.rlmworkbench.graphview.layout.LayoutKind.LAYERED
                : org.rlmworkbench.graphview.layout.LayoutKind.RADIAL;
        graphView.layoutKindProperty().set(kind);
    }

    @FXML void trainModels() {
        var problem = org.rlmworkbench.runner.problem.Problems.byId(picker.problemId());
        Path out = Path.of(System.getProperty("user.home"), "rlm-workbench-models", problem.id());
        new org.rlmworkbench.app.training.TrainingDialog(stage, problem, out, this::registerModels).show();
    }

    /** Models > Endpoints: the user's endpoints file, edited in place; the pickers follow each save. */
    @FXML void editEndpoints() {
        try {
            var model = new org.rlmworkbench.app.endpoints.EndpointsModel(
                    org.rlmworkbench.runner.endpoint.EndpointsFile.userFile(), System::getenv);
            var dialog = new org.rlmworkbench.app.endpoints.EndpointsDialog(stage, model);
            model.names().addListener((javafx.collections.ListChangeListener<String>) c -> loadEndpoints());
            dialog.setOnClosed(this::loadEndpoints);
            dialog.show();
        } catch (org.rlmworkbench.runner.endpoint.EndpointsFileException e) {
            status(e.getMessage(), true);
        }
    }

    /** The user's endpoints as choices of the Writer and Judge pickers (the choices made are kept where they still exist). */
    private void loadEndpoints() {
        try {
            endpoints.load(org.rlmworkbench.runner.endpoint.EndpointsFile.userFile());
        } catch (org.rlmworkbench.runner.endpoint.EndpointsFileException e) {
            status("Endpoints not listed: " + e.getMessage(), true);
        }
        refreshLanguageModelPickers();
    }

    private void refreshLanguageModelPickers() {
        String writer = writerChoice.getValue();
        String judge = judgeChoice.getValue();
        writerChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
        judgeChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
        writerChoice.setValue(writer == null || catalog.languageModelNames().contains(writer) ? writer
                : ModelChoice.NATIVE.writer());
        judgeChoice.setValue(judge == null || catalog.languageModelNames().contains(judge) ? judge
                : ModelChoice.NATIVE.judge());
    }

    /** Shows or hides the banner of a run paused by a failed endpoint. */
    private void showOutage(org.rlmworkbench.runner.endpoint.Outage o) {
        outageBanner.setVisible(o != null);
        outageBanner.setManaged(o != null);
        if (o != null) {
            outageText.setText("Paused: " + o.message() + ". The tree so far is kept: Resume asks again, Stop ends the run.");
            status("Paused: the model " + o.model() + " failed; Resume when it is back.", true);
        } else {
            status("Resumed: asking " + (endpoints.names().isEmpty() ? "the model" : "the endpoint") + " again.", false);
        }
    }

    @FXML void resumeAfterOutage() {
        endpoints.resume();
    }

    @FXML void loadTrainedModels() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("A directory written by Train models or ./workbench train");
        var d = dc.showDialog(stage);
        if (d != null) {
            registerModels(d.toPath());
        }
    }

    /** Makes the trained networks in {@code dir} choosable in the model pickers. */
    boolean registerModels(Path dir) {
        try {
            List<String> added = trained.register(dir, org.rlmworkbench.runner.problem.Problems.byId(
                    picker.problemId()));
            String policy = policyChoice.getValue();
            String value = valueChoice.getValue();
            String writer = writerChoice.getValue();
            String judge = judgeChoice.getValue();
            policyChoice.setItems(FXCollections.observableArrayList(catalog.policyNames()));
            valueChoice.setItems(FXCollections.observableArrayList(catalog.valueNames()));
            writerChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
            judgeChoice.setItems(FXCollections.observableArrayList(catalog.languageModelNames()));
            policyChoice.setValue(policy);
            valueChoice.setValue(value);
            writerChoice.setValue(writer);
            judgeChoice.setValue(judge);
            status("Models added to the pickers: " + String.join(", ", added) + ".", false);
            return true;
        } catch (RuntimeException e) {
            status("Cannot use the models in " + dir + ": " + e.getMessage(), true);
            return false;
        }
    }

    @FXML void chooseBestChildren() {
        graphView.topKProperty().set(bestChildrenOnly.isSelected() ? BEST_CHILDREN : 0);
    }

    @FXML void fitTree() {
        graphView.fitToView();
    }

    // ------------------------------------------------------------ presentation

    @FXML void togglePresentation() {
        setPresentation(!presentation);
    }

    /**
     * Full screen for a class: the tree takes the stage, fitted and enlarged so its cards read from
     * the back of the room; the narration is a caption under it; the run bar (speed included) and
     * the timeline stay. Everything comes back on leaving.
     */
    void setPresentation(boolean on) {
        if (on == presentation) {
            return;
        }
        presentation = on;
        if (on) {
            root.getStyleClass().add("presentation");
            mainSplit.getItems().remove(editorHolder);
            workSplit.getItems().remove(sideSplit);
            centerSplit.getItems().remove(narration);
            setupBar.setVisible(false);
            setupBar.setManaged(false);
            caption.setVisible(true);
            caption.setManaged(true);
            speedSlider.setValue(Math.log10(2));
            noAnimation.setSelected(false);
            graphView.maxFitScaleProperty().set(PRESENTATION_MAX_ZOOM);
            graphView.minCardFractionProperty().set(PRESENTATION_CARD_FRACTION);
            graphView.showMinimapProperty().set(false);
            graphView.showSelectionPathProperty().set(true);
            // fewer, larger cards: the 3 most visited children of each node
            graphView.topKProperty().set(bestChildrenOnly.isSelected() ? PRESENTATION_BEST_CHILDREN : 0);
        } else {
            root.getStyleClass().remove("presentation");
            if (!mainSplit.getItems().contains(editorHolder)) {
                mainSplit.getItems().add(0, editorHolder);
                mainSplit.setDividerPositions(0.36);
                workSplit.getItems().add(sideSplit);
                workSplit.setDividerPositions(0.72);
            }
            if (!centerSplit.getItems().contains(narration)) {
                centerSplit.getItems().add(narration);
                centerSplit.setDividerPositions(0.78);
            }
            caption.setVisible(false);
            caption.setManaged(false);
            setupBar.setVisible(true);
            setupBar.setManaged(true);
            graphView.maxFitScaleProperty().set(1.0);
            graphView.minCardFractionProperty().set(0);
            graphView.showMinimapProperty().set(true);
            graphView.showSelectionPathProperty().set(false);
            chooseBestChildren();
        }
        if (stage != null) {
            stage.setFullScreen(on);
        }
        Platform.runLater(() -> {
            resortToolBars();
            graphView.fitToView();
        });
    }

    /**
     * Has the tool bars sort their items into bar and overflow menu again, once the new type size
     * and window size are in place: a changed item list is what makes a ToolBar do that, so after a
     * presentation nothing stays behind in an overflow menu.
     */
    private void resortToolBars() {
        root.applyCss();
        root.layout();
        for (ToolBar bar : List.of(runBar)) {
            List<javafx.scene.Node> items = new ArrayList<>(bar.getItems());
            bar.getItems().clear();
            bar.getItems().setAll(items);
        }
    }

    boolean isPresentation() {
        return presentation;
    }

    // ------------------------------------------------------------ files

    @FXML void newWorkspace() {
        workspaceFile = null;
        editor.openTemplate("mcts");
        picker.select("game24", org.rlmworkbench.runner.problem.Problems.byId("game24").sampleInstance());
        reset();
    }

    @FXML void openWorkspace() {
        Path f = choose("Open workspace", false, "Workspace", "*.rlmw.json", "*.json");
        if (f != null) {
            openWorkspace(f);
        }
    }

    /** Opens a workspace; a broken file leaves everything as it was and says why. */
    boolean openWorkspace(Path f) {
        Workspace ws;
        try {
            ws = WorkspaceIO.read(f);
        } catch (IOException e) {
            status("Cannot open workspace: " + e.getMessage(), true);
            if (stage != null && stage.isShowing()) {
                Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
                a.setHeaderText("Cannot open workspace");
                a.show();
            }
            return false;
        }
        workspaceFile = f;
        RunSetup s = ws.setup();
        editor.model().execute("open workspace", old -> s.scheme());
        picker.select(s.problem(), s.instance());
        seedField.setText(Long.toString(s.seed()));
        budgetField.setText(s.budget() == null ? "" : s.budget().toString());
        policyChoice.setValue(s.models().policy());
        valueChoice.setValue(s.models().value());
        rewardChoice.setValue(s.models().reward());
        chooseLanguageModel(writerChoice, s.models().writer());
        chooseLanguageModel(judgeChoice, s.models().judge());
        if (!loadSetup()) {
            status("Opened " + f + ", but its run cannot be set up: see the problems above.", true);
            return false;
        }
        if (!ws.trace().isEmpty()) {
            // the run is deterministic and its model calls are in the trace: running it again to the
            // trace's last event, with every call answered from the recording, restores it
            session.useRecording(ws.trace());
            session.seek(ws.trace().size());
        }
        status("Opened " + f + (ws.trace().isEmpty() ? "" : " at event " + ws.trace().size()) + ".", false);
        return true;
    }

    @FXML void saveWorkspace() {
        if (workspaceFile == null) {
            saveWorkspaceAs();
        } else {
            saveWorkspace(workspaceFile);
        }
    }

    @FXML void saveWorkspaceAs() {
        Path f = choose("Save workspace", true, "Workspace", "*.rlmw.json", "*.json");
        if (f != null) {
            saveWorkspace(f);
        }
    }

    boolean saveWorkspace(Path f) {
        RunSetup s = currentSetup();
        if (s == null) {
            return false;
        }
        try {
            WorkspaceIO.write(new Workspace(s, session.events()), f);
            workspaceFile = f;
            status("Saved " + f + ".", false);
            return true;
        } catch (IOException e) {
            status("Cannot save " + f + ": " + e.getMessage(), true);
            return false;
        }
    }

    @FXML void exportTrace() {
        Path f = choose("Export trace", true, "JSON Lines", "*.jsonl");
        if (f == null) {
            return;
        }
        try {
            StringWriter out = new StringWriter();
            try (TraceWriter w = new TraceWriter(out)) {
                session.events().forEach(w::onEvent);
            }
            org.rlmworkbench.runner.io.AtomicFiles.writeString(f, out.toString());
            status("Trace written to " + f + ".", false);
        } catch (IOException e) {
            status("Cannot write " + f + ": " + e.getMessage(), true);
        }
    }

    @FXML void importTrees() {
        Path f = choose("Import reasoning trees", false, "Tree-of-Thoughts, LLM Reasoners, x1 or GoT JSON", "*.json");
        if (f != null) {
            importTrees(f, null);
        }
    }

    /**
     * Opens one tree of a file written by another tool on the timeline, at its end; {@code index}
     * null asks which when the file has several. A file of no known format leaves everything as it was.
     */
    boolean importTrees(Path f, Integer index) {
        org.rlmworkbench.runner.importer.ImportResult r;
        try {
            r = org.rlmworkbench.runner.importer.TreeImport.read(f, null);
        } catch (org.rlmworkbench.runner.importer.ImportFormatException e) {
            status("Cannot import: " + e.getMessage(), true);
            if (stage != null && stage.isShowing()) {
                Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
                a.setHeaderText("Cannot import " + f.getFileName());
                a.show();
            }
            return false;
        }
        if (r.trees().isEmpty()) {
            status("Nothing to import: " + f + " holds no tree.", true);
            return false;
        }
        int k = index != null ? index : r.trees().size() == 1 ? 0 : chooseTree(r);
        if (k < 0 || k >= r.trees().size()) {
            return false;
        }
        session.cancel();
        imported = new org.rlmworkbench.app.imports.ImportedPlayback(r.trees().get(k));
        showImported(imported.end());
        stateLabel.setText("imported");
        var t = imported.tree();
        status(String.format(Locale.ROOT, "Imported %s, %s: %d nodes; solved as the file says: %s, by the verifier: %s;"
                + " tokens %s prompt, %s completion; cost %s. Step (F7, F9) or drag the timeline.",
                r.format().title(), t.label(), t.nodes(), yesNo(t.solvedByFile()), yesNo(t.solvedByVerifier()),
                orDash(t.promptTokens()), orDash(t.completionTokens()),
                t.cost() == null ? "-" : String.format(Locale.ROOT, "%.5f", t.cost())), false);
        return true;
    }

    private int chooseTree(org.rlmworkbench.runner.importer.ImportResult r) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < r.trees().size(); i++) {
            labels.add((i + 1) + ". " + r.trees().get(i).label());
        }
        var d = new javafx.scene.control.ChoiceDialog<>(labels.get(0), labels);
        d.setTitle("Import");
        d.setHeaderText(r.trees().size() + " trees in this " + r.format().title() + ": which one?");
        return d.showAndWait().map(labels::indexOf).orElse(-1);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "not recorded" : b ? "yes" : "no";
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    /** Shows the imported tree as it was after {@code position} of its events. */
    private void showImported(long position) {
        imported.seek(position);
        onEvents(List.of());
        if (imported.position() > 0) {
            onEvents(imported.shown());
        }
        syncTimeline();
    }

    /** The imported tree being shown, for tests; null while the window shows a run. */
    org.rlmworkbench.app.imports.ImportedPlayback imported() {
        return imported;
    }

    @FXML void exportTrainingData() {
        List<RunEvent> events = imported != null ? imported.events() : session.events();
        if (events.isEmpty()) {
            status("Nothing to export yet: run a scheme or import a tree first.", true);
            return;
        }
        var d = new javafx.scene.control.ChoiceDialog<>("sft", List.of("sft", "prm", "preference"));
        d.setTitle("Export training data");
        d.setHeaderText("sft: verified solution paths as chats; prm: TRL stepwise labels; preference: TRL DPO"
                + " pairs (see docs/training-data.md)");
        var kind = d.showAndWait();
        if (kind.isEmpty()) {
            return;
        }
        export("Export training data", "JSON Lines", "*.jsonl", f -> {
            var lines = org.rlmworkbench.runner.export.TrainingDataExport.lines(events,
                    org.rlmworkbench.runner.export.TrainingFormat.byName(kind.get()).orElseThrow(),
                    org.rlmworkbench.runner.export.ExportOptions.defaults());
            if (!lines.isEmpty()) {
                org.rlmworkbench.runner.export.TrainingDataExport.write(lines, f);
            } else {
                throw new IOException("no " + kind.get() + " examples in this run (none solved, or no sibling pairs)");
            }
        });
    }

    @FXML void exportTreePng() {
        int[] size = askSize("Export tree as PNG", "1920x1080");
        if (size != null) {
            export("Export tree as PNG", "PNG image", "*.png", f -> ViewExport.png(graphView, f, size[0], size[1]));
        }
    }

    @FXML void exportTreeSvg() {
        export("Export tree as SVG", "SVG image", "*.svg", f -> ViewExport.svg(graphView, f));
    }

    @FXML void exportTreeGraphMl() {
        export("Export tree as GraphML", "GraphML", "*.graphml", f -> GraphExport.write(graphModel.graph(), f,
                GraphExport.Format.GRAPHML));
    }

    @FXML void exportChartPng() {
        int[] size = askSize("Export chart as PNG", "1600x900");
        if (size != null) {
            export("Export chart as PNG", "PNG image", "*.png", f -> charts.exportPng(f, size[0], size[1]));
        }
    }

    /** Asks for a picture size "WIDTHxHEIGHT"; null when cancelled or unreadable (the status line says why). */
    private int[] askSize(String title, String suggestion) {
        TextInputDialog d = new TextInputDialog(suggestion);
        d.setTitle(title);
        d.setHeaderText("Size of the picture in pixels, width x height (up to " + ViewExport.MAX_SIDE + " a side)");
        var answer = d.showAndWait();
        if (answer.isEmpty()) {
            return null;
        }
        String[] parts = answer.get().trim().toLowerCase(Locale.ROOT).split("\\s*[x×*]\\s*");
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            if (w >= 16 && h >= 16 && w <= ViewExport.MAX_SIDE && h <= ViewExport.MAX_SIDE && parts.length == 2) {
                return new int[] {w, h};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // said below
        }
        status("Picture size: expected WIDTHxHEIGHT with 16 to " + ViewExport.MAX_SIDE + " pixels a side, got '"
                + answer.get() + "'", true);
        return null;
    }

    private interface FileAction {
        void run(Path f) throws IOException;
    }

    private void export(String title, String kind, String pattern, FileAction action) {
        Path f = choose(title, true, kind, pattern);
        if (f == null) {
            return;
        }
        try {
            action.run(f);
            status("Written " + f + ".", false);
        } catch (IOException | RuntimeException e) {
            status("Cannot write " + f + ": " + e.getMessage(), true);
        }
    }

    private Path choose(String title, boolean save, String kind, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        var file = save ? fc.showSaveDialog(stage) : fc.showOpenDialog(stage);
        return file == null ? null : file.toPath();
    }

    @FXML void quit() {
        if (stage != null) {
            stage.close();
        }
    }

    /** Called when the window closes: unsaved scheme edits are offered for saving; the run ends. */
    boolean close() {
        if (!editor.confirmClose()) {
            return false;
        }
        session.close();
        trained.close();
        endpoints.close();
        return true;
    }

    // ------------------------------------------------------------ for tests and the app

    /** Whether the sample scheme and instance are in place (they load just after the first frame). */
    boolean sampleLoaded() {
        return sampleLoaded;
    }

    RunSession session() {
        return session;
    }

    ReasoningGraphView graphView() {
        return graphView;
    }

    GraphViewModel graphModel() {
        return graphModel;
    }

    InspectorModel inspector() {
        return inspectorModel;
    }

    SchemeEditorPane editor() {
        return editor;
    }

    ChartsPane charts() {
        return charts;
    }

    ProblemPicker picker() {
        return picker;
    }

    ComboBox<String> policyChoice() {
        return policyChoice;
    }

    ComboBox<String> valueChoice() {
        return valueChoice;
    }

    SplitPane[] splitPanes() {
        return new SplitPane[] {mainSplit, workSplit, centerSplit, sideSplit};
    }

    /** A narration line, marked when it is the latest. */
    private static final class NarrationCell extends ListCell<String> {
        private static final PseudoClass LAST = PseudoClass.getPseudoClass("last-in-run");

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            pseudoClassStateChanged(LAST, !empty && getListView() != null
                    && getIndex() == getListView().getItems().size() - 1);
        }
    }
}
