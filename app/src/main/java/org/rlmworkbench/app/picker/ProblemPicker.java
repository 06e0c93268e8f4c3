package org.rlmworkbench.app.picker;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Split;

/**
 * Chooses the problem and the instance: from one of the problem's dataset splits or typed in.
 * A typed instance is parsed by the problem at once; its error shows beside the field.
 */
public final class ProblemPicker extends HBox {
    private final ComboBox<String> problem = new ComboBox<>();
    private final ComboBox<Split> split = new ComboBox<>(FXCollections.observableArrayList(Split.values()));
    private final ComboBox<String> instance = new ComboBox<>();
    private final Label error = new Label();
    private final ReadOnlyStringWrapper validInstance = new ReadOnlyStringWrapper(this, "validInstance");

    public ProblemPicker() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("problem-picker");
        problem.setId("problem-choice");
        split.setId("split-choice");
        instance.setId("instance-field");
        error.setId("instance-error");
        error.getStyleClass().add("inline-error");
        instance.setEditable(true);
        instance.setPrefWidth(220);
        problem.setItems(FXCollections.observableArrayList(Problems.all().stream().map(Problem::id).toList()));
        problem.setTooltip(new Tooltip("Problem"));
        problem.setCellFactory(list -> new ProblemCell(true));
        problem.setButtonCell(new ProblemCell(false));
        instance.setCellFactory(list -> new InstanceCell());
        split.setTooltip(new Tooltip("Dataset split to pick an instance from"));
        instance.setTooltip(new Tooltip("Instance: pick one or type your own"));
        getChildren().addAll(new Label("Problem"), problem, split, instance, error);
        problem.valueProperty().addListener((o, a, b) -> fillInstances(true));
        split.valueProperty().addListener((o, a, b) -> fillInstances(false));
        instance.getEditor().textProperty().addListener((o, a, b) -> check(b));
        instance.valueProperty().addListener((o, a, b) -> check(b));
    }

    /** Selects a problem and instance, e.g. on start or when a workspace opens. */
    public void select(String problemId, String instanceText) {
        problem.setValue(problemId);
        if (split.getValue() == null) {
            split.setValue(Split.TEST);
        }
        instance.setValue(instanceText);
        instance.getEditor().setText(instanceText);
        check(instanceText);
    }

    public String problemId() {
        return problem.getValue();
    }

    /** The instance text when the problem reads it, else null. */
    public ReadOnlyStringProperty validInstanceProperty() {
        return validInstance.getReadOnlyProperty();
    }

    public String errorText() {
        return error.getText();
    }

    private void fillInstances(boolean problemChanged) {
        Problem<?> p = current();
        if (p == null) {
            return;
        }
        Split s = split.getValue() == null ? Split.TEST : split.getValue();
        List<String> items = p.dataset().split(s);
        String keep = instance.getEditor().getText();
        instance.setItems(FXCollections.observableArrayList(items));
        if (problemChanged) {
            keep = p.sampleInstance();
        }
        instance.setValue(keep);
        instance.getEditor().setText(keep);
        check(keep);
    }

    /** Longest instance text a list cell shows; the tooltip has the whole. */
    static final int SHOWN_CHARS = 90;

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    static String shortened(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "\u2026";
    }

    /** A problem by its name; in the drop-down also its sample instance, with the description as tooltip. */
    private static final class ProblemCell extends javafx.scene.control.ListCell<String> {
        private final boolean withSample;

        ProblemCell(boolean withSample) {
            this.withSample = withSample;
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            Problem<?> p = empty || id == null ? null : Problems.find(id).orElse(null);
            if (p == null) {
                setText(empty ? null : id);
                setTooltip(null);
                return;
            }
            setText(withSample ? p.displayName() + "\n  e.g. " + shortened(p.sampleInstance(), SHOWN_CHARS) : p.displayName());
            Tooltip tip = new Tooltip(p.description() + "\n\nSample: " + p.sampleInstance());
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            setTooltip(tip);
        }
    }

    /** An instance, shortened when long, the whole text in the tooltip. */
    private static final class InstanceCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            if (empty || text == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shortened(text, SHOWN_CHARS));
            if (text.length() > SHOWN_CHARS) {
                Tooltip tip = new Tooltip(text);
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                setTooltip(tip);
            } else {
                setTooltip(null);
            }
        }
    }

    private Problem<?> current() {
        return problem.getValue() == null ? null : Problems.find(problem.getValue()).orElse(null);
    }

    private void check(String text) {
        Problem<?> p = current();
        if (p == null || text == null) {
            return;
        }
        try {
            p.parseInstance(text);
            error.setText("");
            instance.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), false);
            validInstance.set(text.trim());
            instance.getTooltip().setText("Instance: " + text.trim());
        } catch (InstanceParseException e) {
            error.setText(e.getMessage());
            instance.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), true);
            validInstance.set(null);
        }
    }
}
