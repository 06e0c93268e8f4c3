package org.rlmworkbench.app.endpoints;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Models > Endpoints: the list of endpoints beside a form bound to an {@link EndpointsModel}. */
public final class EndpointsDialog {
    private final Stage stage = new Stage();
    private final EndpointsModel model;

    public EndpointsDialog(Window owner, EndpointsModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Endpoints: " + model.path());
        ListView<String> list = new ListView<>(model.names());
        list.setId("endpoint-list");
        list.setPrefWidth(180);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.select(b);
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        int row = 0;
        form.addRow(row++, new Label("Name"), field("endpoint-name", model.name()));
        form.addRow(row++, new Label("Base URL"), field("endpoint-url", model.baseUrl()));
        form.addRow(row++, new Label("Model"), field("endpoint-model", model.model()));
        ChoiceBox<String> api = new ChoiceBox<>(FXCollections.observableArrayList("chat", "completions"));
        api.setId("endpoint-api");
        api.valueProperty().bindBidirectional(model.api());
        form.addRow(row++, new Label("API"), api);
        TextField key = field("endpoint-key-env", model.keyEnv());
        key.setPromptText("name of the variable, e.g. OPENAI_API_KEY");
        Label keyStatus = new Label();
        keyStatus.setId("endpoint-key-status");
        keyStatus.textProperty().bind(model.keyStatus());
        form.addRow(row++, new Label("Key variable"), new HBox(8, key, keyStatus));
        form.addRow(row++, new Label("Price in / out ($ per M tokens)"),
                new HBox(8, field("endpoint-price-in", model.priceIn()), field("endpoint-price-out", model.priceOut())));
        form.addRow(row++, new Label("Max concurrency"), field("endpoint-concurrency", model.maxConcurrency()));
        form.addRow(row++, new Label("Timeout (s)"), field("endpoint-timeout", model.timeout()));
        ChoiceBox<String> style = new ChoiceBox<>(FXCollections.observableArrayList("few_shot", "state"));
        style.setId("endpoint-prompt-style");
        style.valueProperty().bindBidirectional(model.promptStyle());
        form.addRow(row++, new Label("Prompts"), style);

        Button add = new Button("New");
        add.setId("endpoint-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        Button apply = new Button("Apply");
        apply.setId("endpoint-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> {
            if (model.apply()) {
                list.getSelectionModel().select(model.name().get().trim());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("endpoint-remove");
        remove.setOnAction(e -> model.remove());
        Button probe = new Button("Probe");
        probe.setId("endpoint-probe");
        probe.setOnAction(e -> {
            probe.setDisable(true);
            model.say("Probing ...");
            model.probe(text -> Platform.runLater(() -> {
                model.say(text);
                probe.setDisable(false);
            }));
        });
        Label message = new Label();
        message.setId("endpoint-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        VBox right = new VBox(10, form, new HBox(8, add, apply, remove, probe), message);
        right.setPadding(new Insets(0, 0, 0, 10));
        BorderPane root = new BorderPane(right, null, null, null, list);
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 820, 440));
        if (model.names().isEmpty()) {
            model.startNew();
        } else {
            list.getSelectionModel().select(0);
        }
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(24);
        return t;
    }

    public Stage stage() {
        return stage;
    }

    /** Runs {@code r} once the dialog is closed (e.g. to refresh the model pickers). */
    public void setOnClosed(Runnable r) {
        stage.setOnHidden(e -> r.run());
    }

    public void show() {
        stage.show();
    }
}
