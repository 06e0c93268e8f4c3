package org.rlmworkbench.editor.model;

import java.util.Optional;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.PortDirection;
import org.rlmworkbench.runner.scheme.PortSpec;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * Decides whether a wire may be drawn between two ports, before it is added: an output feeds
 * exactly one input, an input takes many wires, a node never wires to itself. A wire may be
 * dragged either way (output to input or input to output); it is stored output to input.
 */
public final class ConnectionRules {

    private ConnectionRules() {
    }

    /** The outcome of checking a connection: the wire to add, or the reason it is refused. */
    public record Verdict(Wire wire, String refusal) {
        public boolean allowed() {
            return wire != null;
        }
    }

    /** Checks a wire dragged from port {@code a} to port {@code b}. */
    public static Verdict check(Scheme scheme, PortRef a, PortRef b) {
        Optional<SchemeNode> na = scheme.node(a.nodeId());
        Optional<SchemeNode> nb = scheme.node(b.nodeId());
        if (na.isEmpty() || nb.isEmpty()) {
            return refuse("no node '" + (na.isEmpty() ? a.nodeId() : b.nodeId()) + "'");
        }
        PortSpec pa = port(na.get(), a.port());
        if (pa == null) {
            return refuse(na.get().type() + " has no port '" + a.port() + "'");
        }
        PortSpec pb = port(nb.get(), b.port());
        if (pb == null) {
            return refuse(nb.get().type() + " has no port '" + b.port() + "'");
        }
        if (a.nodeId().equals(b.nodeId())) {
            return refuse("a node cannot wire to itself");
        }
        if (pa.direction() == pb.direction()) {
            return refuse(pa.direction() == PortDirection.OUT
                    ? "cannot wire an output to an output: drag to an input port"
                    : "cannot wire an input to an input: start from an output port");
        }
        PortRef out = pa.direction() == PortDirection.OUT ? a : b;
        PortRef in = pa.direction() == PortDirection.OUT ? b : a;
        for (Wire w : scheme.wires()) {
            if (w.from().equals(out.nodeId()) && w.fromPort().equals(out.port())) {
                return refuse("output '" + out + "' already feeds " + w.to() + "." + w.toPort()
                        + "; an output feeds exactly one input");
            }
        }
        return new Verdict(new Wire(out.nodeId(), out.port(), in.nodeId(), in.port()), null);
    }

    private static PortSpec port(SchemeNode node, String name) {
        NodeType t = node.nodeType();
        return t == null ? null : t.port(name).orElse(null);
    }

    private static Verdict refuse(String reason) {
        return new Verdict(null, reason);
    }
}
