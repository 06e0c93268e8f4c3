package org.rlmworkbench.runner.scheme;

import java.util.Objects;

/** A wire from an output port of one scheme node to an input port of another. */
public record Wire(String from, String fromPort, String to, String toPort) {

    public Wire {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toPort, "toPort");
    }

    @Override
    public String toString() {
        return from + "." + fromPort + " -> " + to + "." + toPort;
    }
}
