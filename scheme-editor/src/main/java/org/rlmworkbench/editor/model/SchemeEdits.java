package org.rlmworkbench.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * The editor's changes as pure functions from scheme to scheme. The model wraps each in an
 * {@link Edit}; tests may call them directly.
 */
public final class SchemeEdits {

    private SchemeEdits() {
    }

    /** Adds a node at the end of the node list. */
    public static Scheme addNode(Scheme s, SchemeNode node) {
        List<SchemeNode> nodes = new ArrayList<>(s.nodes());
        nodes.add(node);
        return s.withNodes(nodes);
    }

    /** Removes nodes and every wire touching them. */
    public static Scheme removeNodes(Scheme s, Set<String> ids) {
        return s.withNodes(s.nodes().stream().filter(n -> !ids.contains(n.id())).toList())
                .withWires(s.wires().stream().filter(w -> !ids.contains(w.from()) && !ids.contains(w.to())).toList());
    }

    /** Moves nodes to new positions; ids not in the scheme are ignored. */
    public static Scheme moveNodes(Scheme s, Map<String, Position> positions) {
        return s.withNodes(s.nodes().stream()
                .map(n -> positions.containsKey(n.id()) ? n.withPosition(positions.get(n.id())) : n).toList());
    }

    public static Scheme addWire(Scheme s, Wire w) {
        List<Wire> wires = new ArrayList<>(s.wires());
        wires.add(w);
        return s.withWires(wires);
    }

    public static Scheme removeWire(Scheme s, Wire w) {
        List<Wire> wires = new ArrayList<>(s.wires());
        wires.remove(w);
        return s.withWires(wires);
    }

    /** Sets (or with null removes) a parameter of a node, keeping parameter order. */
    public static Scheme setParam(Scheme s, String nodeId, String name, Object value) {
        SchemeNode n = s.node(nodeId).orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "'"));
        return s.withNode(n.withParam(name, value));
    }

    public static Scheme toggleBreakpoint(Scheme s, String nodeId) {
        SchemeNode n = s.node(nodeId).orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "'"));
        return s.withNode(n.withBreakpoint(!n.breakpoint()));
    }

    /** Gives a node a new id, in place, and rewires its wires to it. */
    public static Scheme renameNode(Scheme s, String oldId, String newId) {
        List<SchemeNode> nodes = s.nodes().stream().map(n -> n.id().equals(oldId) ? n.withId(newId) : n).toList();
        List<Wire> wires = s.wires().stream().map(w -> new Wire(
                w.from().equals(oldId) ? newId : w.from(), w.fromPort(),
                w.to().equals(oldId) ? newId : w.to(), w.toPort())).toList();
        return s.withNodes(nodes).withWires(wires);
    }
}
