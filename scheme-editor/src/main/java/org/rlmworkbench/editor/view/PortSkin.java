package org.rlmworkbench.editor.view;

import javafx.scene.shape.Circle;
import org.rlmworkbench.editor.model.PortRef;
import org.rlmworkbench.runner.scheme.PortDirection;
import org.rlmworkbench.runner.scheme.PortSpec;

/**
 * A port of a node skin: a small circle on the node's left (inputs) or right (outputs) edge.
 * Its CSS id is {@code port-<node>-<port>}.
 */
public final class PortSkin extends Circle {

    /** The radius of a port circle. */
    public static final double RADIUS = 6;

    private final PortRef ref;
    private final PortSpec spec;

    public PortSkin(String nodeId, PortSpec spec) {
        super(RADIUS);
        this.ref = new PortRef(nodeId, spec.name());
        this.spec = spec;
        getStyleClass().add(Styles.PORT);
        setId(cssId(nodeId, spec.name()));
        pseudoClassStateChanged(Styles.INPUT, spec.direction() == PortDirection.IN);
        pseudoClassStateChanged(Styles.OUTPUT, spec.direction() == PortDirection.OUT);
    }

    /** The CSS id of a port: {@code port-select-out}. */
    public static String cssId(String nodeId, String port) {
        return "port-" + nodeId + "-" + port;
    }

    public PortRef ref() {
        return ref;
    }

    public PortSpec spec() {
        return spec;
    }

    public boolean isInput() {
        return spec.direction() == PortDirection.IN;
    }

    public void setWired(boolean wired) {
        pseudoClassStateChanged(Styles.WIRED, wired);
    }
}
