package org.rlmworkbench.editor.model;

import java.util.Objects;

/** A port of a node in a scheme, by node id and port name: one end of a wire being drawn. */
public record PortRef(String nodeId, String port) {

    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
