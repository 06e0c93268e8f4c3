package org.rlmworkbench.graphview.inspector;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlmworkbench.graphview.view.GraphPainter;
import org.rlmworkbench.graphview.view.GraphViewStyles;

/**
 * Shows an {@link InspectorModel}: title, full step text, state, statistics (N, Q, P, V, R) and
 * the children table with the selection terms (Q, P, N, U, score) of the last Select; the chosen
 * child's row carries the {@code :chosen} pseudo-class.
 */
public final class InspectorPane extends VBox {

    private final InspectorModel model;
    private final Label stats = new Label();
    private final TableView<ChildRow> table = new TableView<>();

    public InspectorPane(InspectorModel model) {
        this.model = model;
        getStyleClass().add(GraphViewStyles.INSPECTOR);
        getStylesheets().add(GraphViewStyles.stylesheet());
        Label title = new Label();
        title.getStyleClass().add(GraphViewStyles.INSPECTOR_TITLE);
        title.textProperty().bind(model.titleProperty());
        Label text = new Label();
        text.getStyleClass().add(GraphViewStyles.INSPECTOR_TEXT);
        text.textProperty().bind(model.textProperty());
        text.setWrapText(true);
        Label state = new Label();
        state.textProperty().bind(model.stateProperty());
        Label rule = new Label();
        rule.textProperty().bind(Bindings.concat("Last Select: ", model.ruleProperty()));
        stats.getStyleClass().add(GraphViewStyles.INSPECTOR_STATS);
        stats.textProperty().bind(Bindings.createStringBinding(this::statsText, model.nodeProperty(),
                model.visitsProperty(), model.qProperty(), model.priorProperty(), model.valueProperty(),
                model.rewardProperty()));
        model.prunedProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.PRUNED, b));
        model.solvedProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.SOLVED, b));
        model.terminalProperty().addListener((o, a, b) -> pseudoClassStateChanged(GraphViewStyles.TERMINAL, b));

        table.getStyleClass().add(GraphViewStyles.INSPECTOR_TABLE);
        table.setItems(model.children());
        table.getColumns().add(column("#", r -> Integer.toString(r.node()), 44));
        table.getColumns().add(column("step", ChildRow::text, 120));
        table.getColumns().add(column("Q", r -> GraphPainter.num(r.q()), 58));
        table.getColumns().add(column("P", r -> GraphPainter.num(r.p()), 58));
        table.getColumns().add(column("N", r -> Integer.toString(r.n()), 44));
        table.getColumns().add(column("U", r -> GraphPainter.num(r.u()), 58));
        table.getColumns().add(column("score", r -> GraphPainter.num(r.score()), 62));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChildRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(GraphViewStyles.CHOSEN, !empty && item != null && item.chosen());
            }
        });
        table.setPlaceholder(new Label("no children"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, text, state, stats, rule, new Label("Children at the last Select"), table);
        setPrefWidth(440);
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

    private static TableColumn<ChildRow, String> column(String name, Function<ChildRow, String> f, double width) {
        TableColumn<ChildRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
