package org.rlmworkbench.runner.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * A reasoning strategy as data: operator and control nodes wired by ports. Immutable; the
 * {@code with...} methods return changed copies, which is what the editor's undo stack keeps.
 */
public record Scheme(int version, String name, String description, List<SchemeNode> nodes, List<Wire> wires) {

    /** The file format version this build writes. */
    public static final int CURRENT_VERSION = 1;

    public Scheme {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }

    public Optional<SchemeNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<Wire> wiresFrom(String nodeId) {
        return wires.stream().filter(w -> w.from().equals(nodeId)).toList();
    }

    public List<Wire> wiresTo(String nodeId) {
        return wires.stream().filter(w -> w.to().equals(nodeId)).toList();
    }

    public Scheme withNodes(List<SchemeNode> newNodes) {
        return new Scheme(version, name, description, newNodes, wires);
    }

    public Scheme withWires(List<Wire> newWires) {
        return new Scheme(version, name, description, nodes, newWires);
    }

    public Scheme withName(String newName) {
        return new Scheme(version, newName, description, nodes, wires);
    }

    public Scheme withDescription(String newDescription) {
        return new Scheme(version, name, newDescription, nodes, wires);
    }

    /** Replaces the node with the same id. */
    public Scheme withNode(SchemeNode changed) {
        List<SchemeNode> list = new ArrayList<>(nodes);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(changed.id())) {
                list.set(i, changed);
                return withNodes(list);
            }
        }
        list.add(changed);
        return withNodes(list);
    }

    /** The wiring as a JGraphT multigraph over node ids; wires to unknown nodes are left out. */
    public Graph<String, Wire> asGraph() {
        Graph<String, Wire> g = new DirectedPseudograph<>(Wire.class);
        nodes.forEach(n -> g.addVertex(n.id()));
        for (Wire w : wires) {
            if (g.containsVertex(w.from()) && g.containsVertex(w.to())) {
                g.addEdge(w.from(), w.to(), w);
            }
        }
        return g;
    }
}
