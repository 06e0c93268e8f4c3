package org.rlmworkbench.editor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamKind;
import org.rlmworkbench.runner.scheme.ParamSpec;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * The property sheet: for one selected node, its id, breakpoint and a typed field per parameter
 * (text fields for integers and reals with their range, a choice for enumerations, a check box
 * for flags), each with its documentation inline. A value is checked by the parameter's own
 * rule before anything changes; a refused value shows the reason under its field and changes
 * nothing. With no node selected it edits the scheme's name and description.
 * CSS ids: {@code param-<name>}, {@code param-error-<name>}, {@code param-reset-<name>},
 * {@code node-id-field}, {@code scheme-name-field}, {@code scheme-description-field}.
 */
public final class PropertySheet extends ScrollPane {

    private final SchemeEditorModel model;
    private final VBox box = new VBox(6);
    private final List<Consumer<SchemeNode>> refreshers = new ArrayList<>();
    private String shownKey = "";
    private boolean refreshing;

    public PropertySheet(SchemeEditorModel model) {
        this.model = model;
        getStyleClass().add(Styles.PROPERTY_SHEET);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        box.getStyleClass().add("property-box");
        setContent(box);
        model.selectedNodes().addListener((SetChangeListener<String>) c -> update());
        model.selectedWireProperty().addListener((o, a, b) -> update());
        model.schemeProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Optional<SchemeNode> single = model.singleSelection();
        Wire wire = model.selectedWireProperty().get();
        Scheme s = model.getScheme();
        String key;
        if (single.isPresent()) {
            key = "node:" + single.get().id() + ":" + single.get().type();
        } else if (model.selectedNodes().size() > 1) {
            key = "multi:" + model.selectedNodes();
        } else if (wire != null) {
            key = "wire:" + wire;
        } else {
            key = "scheme";
        }
        if (key.equals(shownKey)) {
            refreshing = true;
            try {
                SchemeNode n = single.orElse(null);
                refreshers.forEach(r -> r.accept(n));
            } finally {
                refreshing = false;
            }
            return;
        }
        shownKey = key;
        refreshers.clear();
        box.getChildren().clear();
        if (single.isPresent()) {
            buildNode(single.get());
        } else if (model.selectedNodes().size() > 1) {
            box.getChildren().add(header(model.selectedNodes().size() + " nodes selected"));
            box.getChildren().add(doc("Move them together, copy, cut, duplicate or delete them. Select one node "
                    + "to edit its parameters."));
        } else if (wire != null) {
            buildWire(wire);
        } else {
            buildScheme(s);
        }
    }

    // ---------------------------------------------------------------- scheme

    private void buildScheme(Scheme s) {
        box.getChildren().add(header("Scheme"));
        TextField name = new TextField(s.name());
        name.setId("scheme-name-field");
        commitOn(name, () -> model.setSchemeName(name.getText()));
        TextArea description = new TextArea(s.description());
        description.setId("scheme-description-field");
        description.setWrapText(true);
        description.setPrefRowCount(8);
        commitOn(description, () -> model.setDescription(description.getText()));
        refreshers.add(ignored -> {
            if (!name.isFocused()) {
                name.setText(model.getScheme().name());
            }
            if (!description.isFocused()) {
                description.setText(model.getScheme().description());
            }
        });
        Label counts = doc("");
        Runnable count = () -> counts.setText(model.getScheme().nodes().size() + " nodes, "
                + model.getScheme().wires().size() + " wires. Select a node to edit its parameters; drag from the "
                + "palette to add one; drag from port to port to wire.");
        count.run();
        refreshers.add(ignored -> count.run());
        box.getChildren().addAll(name("name"), name, name("description"), description, counts);
    }

    // ---------------------------------------------------------------- wire

    private void buildWire(Wire w) {
        box.getChildren().add(header("Wire"));
        box.getChildren().add(doc(w.from() + "." + w.fromPort() + "  →  " + w.to() + "." + w.toPort()));
        Button delete = new Button("Delete wire");
        delete.setId("delete-wire");
        delete.setOnAction(e -> model.removeWire(w));
        box.getChildren().add(delete);
    }

    // ---------------------------------------------------------------- node

    private void buildNode(SchemeNode n) {
        NodeType t = n.nodeType();
        HBox head = new HBox(8, NodeGlyph.of(t), header(n.type()));
        box.getChildren().add(head);
        if (t == null) {
            box.getChildren().add(error("unknown node type '" + n.type() + "'", "node-type-error", true));
            return;
        }
        Label category = doc(t.category().label() + " · " + t.description());
        Label formula = doc(displayable(t.formula()));
        formula.getStyleClass().add("property-formula");
        box.getChildren().addAll(category, formula);

        TextField id = new TextField(n.id());
        id.setId("node-id-field");
        Label idError = error("", "node-id-error", false);
        String nodeId = n.id();
        commitOn(id, () -> {
            Optional<String> refusal = model.renameNode(nodeId, id.getText());
            show(idError, id, refusal.orElse(null));
        });
        CheckBox bp = new CheckBox("breakpoint: the debugger pauses here");
        bp.setId("node-breakpoint");
        bp.setSelected(n.breakpoint());
        bp.setOnAction(e -> {
            if (!refreshing) {
                model.toggleBreakpoint(nodeId);
            }
        });
        refreshers.add(node -> bp.setSelected(node.breakpoint()));
        box.getChildren().addAll(name("id"), id, idError, bp);

        for (ParamSpec p : t.params()) {
            box.getChildren().add(paramEditor(n, p));
        }
        for (String unknown : n.params().keySet()) {
            if (t.param(unknown).isEmpty()) {
                Button remove = new Button("remove");
                remove.setOnAction(e -> model.resetParam(nodeId, unknown));
                box.getChildren().add(new HBox(6, error("unknown parameter '" + unknown + "' = "
                        + n.params().get(unknown), "param-unknown-" + unknown, true), remove));
            }
        }
    }

    private Node paramEditor(SchemeNode n, ParamSpec p) {
        String nodeId = n.id();
        Label label = name(p.name() + range(p));
        Label err = error("", "param-error-" + p.name(), false);
        Button reset = new Button("↺");
        reset.setId("param-reset-" + p.name());
        reset.getStyleClass().add("param-reset");
        reset.setTooltip(new Tooltip("Back to the default" + (p.defaultValue() == null ? " (not set)"
                : " (" + p.defaultValue() + ")")));
        reset.setOnAction(e -> model.resetParam(nodeId, p.name()));
        reset.setDisable(!n.params().containsKey(p.name()));
        Node field;
        switch (p.kind()) {
            case ENUM -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(p.choices());
                combo.setPromptText("default: " + p.defaultValue());
                combo.setValue(str(n.params().get(p.name())));
                combo.setMaxWidth(Double.MAX_VALUE);
                combo.valueProperty().addListener((o, a, v) -> {
                    if (!refreshing && v != null) {
                        show(err, combo, model.setParamValue(nodeId, p.name(), v).orElse(null));
                    }
                });
                refreshers.add(node -> combo.setValue(str(node.params().get(p.name()))));
                field = combo;
            }
            case BOOL -> {
                CheckBox check = new CheckBox();
                check.setSelected(effectiveBool(n, p));
                check.setOnAction(e -> {
                    if (!refreshing) {
                        show(err, check, model.setParamValue(nodeId, p.name(), check.isSelected()).orElse(null));
                    }
                });
                refreshers.add(node -> check.setSelected(effectiveBool(node, p)));
                field = check;
            }
            default -> {
                TextField text = new TextField(str(n.params().get(p.name())));
                text.setPromptText(p.defaultValue() == null ? "not set" : "default: " + p.defaultValue());
                commitOn(text, () -> {
                    String current = Objects.toString(str(model.getScheme().node(nodeId)
                            .map(x -> x.params().get(p.name())).orElse(null)), "");
                    if (text.getText().trim().equals(current) && !err.isVisible()) {
                        return;
                    }
                    show(err, text, model.setParam(nodeId, p.name(), text.getText()).orElse(null));
                });
                refreshers.add(node -> {
                    if (!text.isFocused()) {
                        text.setText(str(node.params().get(p.name())));
                        show(err, text, null);
                    }
                });
                field = text;
            }
        }
        field.setId("param-" + p.name());
        refreshers.add(node -> reset.setDisable(!node.params().containsKey(p.name())));
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(4, field, reset);
        VBox editor = new VBox(2, label, row, doc(p.doc()), err);
        editor.getStyleClass().add("param-editor");
        return editor;
    }

    /**
     * The formula as shown: a combining circumflex (q̂) sends the whole paragraph through complex text
     * layout, which wraps it wider than the sheet on some systems; it is shown as {@code q^} instead.
     */
    static String displayable(String formula) {
        return formula.replace("\u0302", "^");
    }

    private static boolean effectiveBool(SchemeNode n, ParamSpec p) {
        Object v = n.params().get(p.name());
        if (v instanceof Boolean b) {
            return b;
        }
        return Boolean.TRUE.equals(p.defaultValue());
    }

    private static String range(ParamSpec p) {
        if (p.kind() == ParamKind.INT || p.kind() == ParamKind.REAL) {
            return "   " + num(p.min()) + " … " + num(p.max()) + (p.optional() ? ", optional" : "");
        }
        return "";
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** Commits a text control on Enter (text fields) and when it loses focus. */
    private void commitOn(TextInputControl c, Runnable commit) {
        Runnable guarded = () -> {
            if (!refreshing && c.getScene() != null) {
                commit.run();
            }
        };
        if (c instanceof TextField tf) {
            tf.setOnAction(e -> guarded.run());
        }
        c.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                guarded.run();
            }
        });
    }

    private static void show(Label err, Node field, String message) {
        boolean bad = message != null;
        err.setText(bad ? message : "");
        err.setVisible(bad);
        err.setManaged(bad);
        field.pseudoClassStateChanged(Styles.INVALID, bad);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PROPERTY_HEADER);
        return l;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PROPERTY_NAME);
        return l;
    }

    /** Keeps a wrapping label inside the sheet's visible width. */
    private void fitWidth(Label l) {
        l.setMinWidth(0);
        l.maxWidthProperty().bind(box.widthProperty().map(w -> Math.max(80, w.doubleValue() - 24)));
    }

    private Label doc(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PROPERTY_DOC);
        l.setWrapText(true);
        fitWidth(l);
        return l;
    }

    private Label error(String text, String id, boolean visible) {
        Label l = new Label(text);
        fitWidth(l);
        l.setId(id);
        l.getStyleClass().add(Styles.PROPERTY_ERROR);
        l.setWrapText(true);
        l.setVisible(visible);
        l.setManaged(visible);
        return l;
    }
}
