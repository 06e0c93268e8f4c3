package org.rlmworkbench.editor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * What copy and cut put on the editor's clipboard: some nodes and the wires among them. Pasting
 * gives the nodes fresh ids and shifts them so the copy does not hide the original.
 *
 * @param nodes the copied nodes
 * @param wires the wires whose both ends are copied nodes
 */
public record SchemeFragment(List<SchemeNode> nodes, List<Wire> wires) {

    public SchemeFragment {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }

    /** The selected nodes of {@code scheme} and the wires among them, in scheme order. */
    public static SchemeFragment of(Scheme scheme, Set<String> ids) {
        List<SchemeNode> ns = scheme.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<Wire> ws = scheme.wires().stream().filter(w -> ids.contains(w.from()) && ids.contains(w.to())).toList();
        return new SchemeFragment(ns, ws);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The result of pasting: the new scheme and the ids the pasted nodes got. */
    public record Pasted(Scheme scheme, List<String> ids) {
    }

    /** Adds a copy of this fragment to {@code scheme}, moved by (dx, dy), with fresh ids. */
    public Pasted pasteInto(Scheme scheme, double dx, double dy) {
        Set<String> taken = new HashSet<>();
        scheme.nodes().forEach(n -> taken.add(n.id()));
        Map<String, String> rename = new HashMap<>();
        List<SchemeNode> all = new ArrayList<>(scheme.nodes());
        List<String> ids = new ArrayList<>();
        for (SchemeNode n : nodes) {
            String id = NodeIds.next(taken, n.id());
            taken.add(id);
            rename.put(n.id(), id);
            ids.add(id);
            Position p = n.position();
            all.add(n.withId(id).withPosition(new Position(p.x() + dx, p.y() + dy)));
        }
        List<Wire> allWires = new ArrayList<>(scheme.wires());
        for (Wire w : wires) {
            allWires.add(new Wire(rename.get(w.from()), w.fromPort(), rename.get(w.to()), w.toPort()));
        }
        return new Pasted(scheme.withNodes(all).withWires(allWires), ids);
    }
}
