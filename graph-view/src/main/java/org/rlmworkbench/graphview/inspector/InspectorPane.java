package org.rlmworkbench.graphview.inspector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.rlmworkbench.graphview.view.GraphPainter;
import org.rlmworkbench.graphview.view.GraphViewStyles;

/**
 * Shows an {@link InspectorModel}: title, full step text, state, statistics (N, Q, P, V, R) and
 * the children table with the selection terms (Q, P, N, U, score) of the last Select; the chosen
 * child's row carries the {@code :chosen} pseudo-class. The layout is {@code InspectorPane.fxml},
 * the looks {@code graph-view.css}; this class only binds.
 */
public final class InspectorPane extends VBox {

    private final InspectorModel model;
    @FXML private Label title;
    @FXML private Label text;
    @FXML private Label state;
    @FXML private Label stats;
    @FXML private Label rule;
    @FXML private Label written;
    @FXML private Label modelCall;
    @FXML private TableView<ChildRow> table;
    @FXML private TableColumn<ChildRow, String> idColumn;
    @FXML private TableColumn<ChildRow, String> stepColumn;
    @FXML private TableColumn<ChildRow, String> qColumn;
    @FXML private TableColumn<ChildRow, String> pColumn;
    @FXML private TableColumn<ChildRow, String> nColumn;
    @FXML private TableColumn<ChildRow, String> uColumn;
    @FXML private TableColumn<ChildRow, String> scoreColumn;

    public InspectorPane(InspectorModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(InspectorPane.class.getResource("InspectorPane.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load InspectorPane.fxml", e);
        }
        getStylesheets().add(GraphViewStyles.stylesheet());
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        text.textProperty().bind(model.textProperty());
        state.textProperty().bind(model.stateProperty());
        rule.textProperty().bind(Bindings.concat("Last Select: ", model.ruleProperty()));
        stats.textProperty().bind(Bindings.createStringBinding(this::statsText, model.nodeProperty(),
                model.visitsProperty(), model.qProperty(), model.priorProperty(), model.valueProperty(),
                model.rewardProperty()));
        written.textProperty().bind(model.writtenProperty());
        modelCall.textProperty().bind(model.modelCallProperty());
        written.visibleProperty().bind(model.writtenProperty().isNotEmpty());
        written.managedProperty().bind(written.visibleProperty());
        modelCall.visibleProperty().bind(model.modelCallProperty().isNotEmpty());
        modelCall.managedProperty().bind(modelCall.visibleProperty());
        model.invalidProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.INVALID, b));
        model.prunedProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.PRUNED, b));
        model.solvedProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.SOLVED, b));
        model.terminalProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.TERMINAL, b));

        table.setItems(model.children());
        cells(idColumn, r -> Integer.toString(r.node()));
        cells(stepColumn, ChildRow::text);
        cells(qColumn, r -> GraphPainter.num(r.q()));
        cells(pColumn, r -> GraphPainter.num(r.p()));
        cells(nColumn, r -> Integer.toString(r.n()));
        cells(uColumn, r -> GraphPainter.num(r.u()));
        cells(scoreColumn, r -> GraphPainter.num(r.score()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChildRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(GraphViewStyles.CHOSEN, !empty && item != null && item.chosen());
            }
        });
    }

    public InspectorModel model() {
        return model;
    }

    /** The statistics line as shown. */
    public String statsText() {
        if (model.nodeProperty().get() < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "N %d   Q %s   P %s%nV %s   R %s   depth %d", model.visitsProperty().get(),
                GraphPainter.num(model.qProperty().get()), GraphPainter.num(model.priorProperty().get()),
                GraphPainter.num(model.valueProperty().get()), GraphPainter.num(model.rewardProperty().get()),
                model.depthProperty().get());
    }

    private static void cells(TableColumn<ChildRow, String> c, Function<ChildRow, String> f) {
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    }
}
