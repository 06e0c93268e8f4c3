package org.rlmworkbench.editor.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.PortSpec;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeNode;

/**
 * The look of one scheme node on the canvas: a header coloured by category with the type and
 * id, typed input ports on the left and output ports on the right, a breakpoint dot and a badge
 * for errors and warnings. A skin holds a model reference and a root node; the canvas adds and
 * removes skins one change at a time. CSS id of the root: {@code node-<id>}.
 */
public final class NodeSkin {

    public static final double WIDTH = 140;
    public static final double HEADER = 40;
    public static final double ROW = 22;
    public static final double SUMMARY = 18;

    private final Pane root = new Pane();
    private final Label title = new Label();
    private final Label idLabel = new Label();
    private final Label summary = new Label();
    private final Circle breakpoint = new Circle(5);
    private final Label badge = new Label();
    private final Tooltip badgeTip = new Tooltip();
    private final Map<String, PortSkin> ports = new LinkedHashMap<>();
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private SchemeNode node;

    public NodeSkin(SchemeNode node) {
        this.node = node;
        NodeType type = node.nodeType();
        root.getStyleClass().add(Styles.NODE);
        // pick on the drawn shape only: the drop shadow must not hide a neighbour's port
        root.setPickOnBounds(false);
        root.pseudoClassStateChanged(Styles.UNKNOWN, type == null);
        if (type != null) {
            root.getStyleClass().add(Styles.category(type.category()));
        }
        Region header = new Region();
        header.getStyleClass().add(Styles.NODE_HEADER);
        header.resizeRelocate(0, 0, WIDTH, HEADER);
        header.setManaged(false);
        javafx.scene.Node glyph = NodeGlyph.of(type);
        glyph.relocate(17, 5);
        title.getStyleClass().add(Styles.NODE_TITLE);
        title.relocate(37, 3);
        idLabel.getStyleClass().add(Styles.NODE_ID);
        idLabel.relocate(37, 21);
        breakpoint.getStyleClass().add(Styles.BREAKPOINT);
        breakpoint.setCenterX(9);
        breakpoint.setCenterY(13);
        badge.getStyleClass().add(Styles.BADGE);
        badge.setVisible(false);
        badge.relocate(WIDTH - 22, 4);
        badge.setTooltip(badgeTip);
        root.getChildren().addAll(header, glyph, title, idLabel, breakpoint, badge);
        List<PortSpec> ins = type == null ? List.of() : type.inputs();
        List<PortSpec> outs = type == null ? List.of() : type.outputs();
        addPorts(ins, 0);
        addPorts(outs, WIDTH);
        int rows = Math.max(1, Math.max(ins.size(), outs.size()));
        summary.getStyleClass().add(Styles.NODE_SUMMARY);
        summary.setPrefWidth(WIDTH - 16);
        summary.relocate(8, HEADER + 4 + rows * ROW);
        root.getChildren().add(summary);
        double h = HEADER + 8 + rows * ROW + SUMMARY;
        root.setPrefSize(WIDTH, h);
        root.setMinSize(WIDTH, h);
        root.setMaxSize(WIDTH, h);
        selected.addListener((o, a, b) -> root.pseudoClassStateChanged(Styles.SELECTED, b));
        update(node);
    }

    private void addPorts(List<PortSpec> specs, double x) {
        for (int i = 0; i < specs.size(); i++) {
            PortSpec p = specs.get(i);
            PortSkin port = new PortSkin(node.id(), p);
            double y = HEADER + 4 + ROW / 2 + i * ROW;
            port.setCenterX(x);
            port.setCenterY(y);
            Label l = new Label(p.name());
            l.getStyleClass().add(Styles.PORT_LABEL);
            l.setPrefWidth(WIDTH / 2 - 12);
            l.setAlignment(x == 0 ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
            l.relocate(x == 0 ? 10 : WIDTH / 2 + 2, y - 9);
            l.setTooltip(new Tooltip((port.isInput() ? "input" : "output") + " '" + p.name() + "': " + p.doc()));
            l.setMouseTransparent(true);
            Tooltip.install(port, new Tooltip((port.isInput() ? "input" : "output") + " '" + p.name() + "': " + p.doc()));
            ports.put(p.name(), port);
            root.getChildren().addAll(l, port);
        }
    }

    /** Shows a changed version of the same node (position, params, breakpoint). */
    public void update(SchemeNode changed) {
        this.node = changed;
        root.setId("node-" + changed.id());
        root.relocate(changed.position().x(), changed.position().y());
        title.setText(changed.type());
        idLabel.setText(changed.id());
        breakpoint.pseudoClassStateChanged(Styles.ON, changed.breakpoint());
        breakpoint.setId("breakpoint-" + changed.id());
        summary.setText(changed.params().entrySet().stream().limit(3)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  ")));
        Tooltip.install(breakpoint, new Tooltip(changed.breakpoint() ? "Breakpoint (click to remove)"
                : "Click to set a breakpoint: the debugger pauses here"));
    }

    /** Shows the node's errors and warnings as a badge with a tooltip. */
    public void setProblems(List<SchemeError> problems) {
        boolean err = problems.stream().anyMatch(SchemeError::isError);
        boolean warn = !err && !problems.isEmpty();
        root.pseudoClassStateChanged(Styles.ERROR, err);
        root.pseudoClassStateChanged(Styles.WARNING, warn);
        badge.pseudoClassStateChanged(Styles.ERROR, err);
        badge.pseudoClassStateChanged(Styles.WARNING, warn);
        badge.setVisible(err || warn);
        badge.setText(err ? "!" : "?");
        badge.setId("badge-" + node.id());
        badgeTip.setText(problems.stream().map(SchemeError::toString).collect(Collectors.joining("\n")));
    }

    public Pane root() {
        return root;
    }

    public SchemeNode node() {
        return node;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public Circle breakpointDot() {
        return breakpoint;
    }

    public Map<String, PortSkin> ports() {
        return ports;
    }

    /** The centre of a port in the canvas content's coordinates, from the skin's current place. */
    public Point2D portCenter(String port) {
        PortSkin p = ports.get(port);
        if (p == null) {
            return new Point2D(root.getLayoutX() + WIDTH / 2, root.getLayoutY());
        }
        return new Point2D(root.getLayoutX() + p.getCenterX(), root.getLayoutY() + p.getCenterY());
    }

    /** Releases what the skin holds; it is then no longer shown. */
    public void dispose() {
        root.getChildren().clear();
    }
}
