package org.rlmworkbench.editor.view;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;

/** The templates gallery: every built-in scheme with its description; the result is its name. */
public final class TemplatesDialog extends Dialog<String> {

    public TemplatesDialog() {
        setTitle("New from template");
        setHeaderText("Start from a built-in scheme");
        ListView<String> list = new ListView<>();
        list.setId("templates-list");
        list.getItems().setAll(BuiltinSchemes.NAMES);
        list.setPrefSize(640, 420);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                if (empty || name == null) {
                    setGraphic(null);
                    return;
                }
                Scheme s = BuiltinSchemes.load(name);
                Label title = new Label(name + "  ·  " + s.nodes().size() + " nodes");
                title.getStyleClass().add("template-name");
                Label d = new Label(s.description());
                d.setWrapText(true);
                d.setMaxWidth(600);
                d.getStyleClass().add("template-description");
                setGraphic(new VBox(2, title, d));
            }
        });
        list.getSelectionModel().selectFirst();
        getDialogPane().setContent(list);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                setResult(list.getSelectionModel().getSelectedItem());
                close();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
    }
}
