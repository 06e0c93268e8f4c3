package org.rlmworkbench.editor.view;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.runner.scheme.SchemeError;

/**
 * The problems list: every error and warning of the scheme, live. Clicking one selects its
 * culprit node on the canvas. CSS id: {@code problems-list}.
 */
public final class ProblemsView extends ListView<SchemeError> {

    public ProblemsView(SchemeEditorModel model) {
        super(model.problems());
        setId("problems-list");
        getStyleClass().add(Styles.PROBLEMS);
        setPlaceholder(new javafx.scene.control.Label("No problems: the scheme can run."));
        setCellFactory(v -> new ListCell<>() {
            {
                // a click selects the culprit, even when this problem was already the selected row
                setOnMouseClicked(e -> {
                    if (getItem() != null && getItem().nodeId() != null) {
                        model.selectOnly(getItem().nodeId());
                    }
                });
            }

            @Override
            protected void updateItem(SchemeError item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(Styles.ERROR, !empty && item != null && item.isError());
                pseudoClassStateChanged(Styles.WARNING, !empty && item != null && !item.isError());
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null && e.nodeId() != null) {
                model.selectOnly(e.nodeId());
            }
        });
    }
}
