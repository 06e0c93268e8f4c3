package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.TreeImported;

/**
 * LLM Reasoners' visualizer log ({@code reasoners/visualization}: {@code TreeLog} as its
 * {@code TreeLogEncoder} writes it): {@code {"logs": [snapshot, ...]}}, each snapshot
 * {@code {"nodes": {id: {id, data, selected_edge}}, "edges": {id: {id, source, target, data}}}}.
 * MCTS logs hold one snapshot per iteration when the search kept {@code tree_state_after_each_iter}.
 * Node ids are MCTS node ids, stable across snapshots, so each snapshot adds only its new nodes
 * and becomes one iteration on the timeline. Edge data (Q, reward, action, reward details) belong
 * to the edge's target: Q is shown as the node's value, reward as its reward; the selected edges
 * (the iteration's trace, else the highest Q) as selections.
 */
final class LlmReasonersImporter implements TreeImporter {

    @Override
    public TreeFormat format() {
        return TreeFormat.LLM_REASONERS;
    }

    @Override
    public boolean fits(JsonNode d) {
        JsonNode logs = d.path("logs");
        return d.isObject() && logs.isArray() && !logs.isEmpty() && logs.get(0).has("nodes")
                && logs.get(0).has("edges");
    }

    @Override
    public String expected() {
        return "llm-reasoners: an object {\"logs\": [...]} whose snapshots hold 'nodes' (id, data, selected_edge)"
                + " and 'edges' (id, source, target, data)";
    }

    private record Edge(int id, int source, int target, JsonNode data) {
    }

    @Override
    public List<ImportedTree> read(JsonNode d, Path source) throws ImportFormatException {
        JsonNode logs = d.get("logs");
        TreeEvents t = null;
        Map<Integer, Integer> ids = new HashMap<>();
        Map<Integer, double[]> shown = new HashMap<>();
        int[] bestPath = new int[0];
        for (int s = 0; s < logs.size(); s++) {
            String where = source + ": logs[" + s + "]";
            JsonNode snap = logs.get(s);
            if (!snap.isObject()) {
                throw new ImportFormatException(where + ": expected a snapshot object, found " + Json.describe(snap));
            }
            Map<Integer, JsonNode> nodes = byId(Json.field(snap, "nodes", where), where + ".nodes");
            List<Edge> edges = edges(Json.field(snap, "edges", where), where + ".edges");
            if (nodes.isEmpty()) {
                throw new ImportFormatException(where + ".nodes: expected at least the root, found none");
            }
            Map<Integer, Edge> into = new HashMap<>();
            for (Edge e : edges) {
                if (!nodes.containsKey(e.source()) || !nodes.containsKey(e.target())) {
                    throw new ImportFormatException(where + ".edges[" + e.id() + "]: expected source and target among"
                            + " the snapshot's nodes, found " + e.source() + " -> " + e.target());
                }
                into.put(e.target(), e);
            }
            if (t == null) {
                int rootId = nodes.keySet().stream().filter(n -> !into.containsKey(n)).findFirst()
                        .orElseThrow(() -> new ImportFormatException(where + ": expected one node without an"
                                + " incoming edge (the root), found none"));
                t = new TreeEvents("LLM Reasoners search (imported)", "llm-reasoners", text(nodes.get(rootId), null),
                        new TreeImported("llm-reasoners", source.toString(), 0, null, null, null, null, List.of(
                                "visit counts (the default edge data has Q and reward only)", "priors",
                                "terminal flags", "tokens and cost", "a verdict on the answer")));
                ids.put(rootId, t.root(text(nodes.get(rootId), null)));
            }
            t.iteration("snapshot", s + 1, logs.size());
            // edge ids grow in the order the tree was walked, parent before child
            for (Edge e : edges) {
                if (!ids.containsKey(e.target())) {
                    Integer parent = ids.get(e.source());
                    if (parent == null) {
                        throw new ImportFormatException(where + ".edges[" + e.id() + "]: source " + e.source()
                                + " is not reached from the root before this edge");
                    }
                    ids.put(e.target(), t.child(parent, text(nodes.get(e.target()), e.data()), false));
                }
            }
            List<Evaluation> evals = new ArrayList<>();
            for (Edge e : edges) {
                double q = Json.numberOrNaN(e.data().get("Q"), where + ".edges[" + e.id() + "].data.Q");
                double r = Json.numberOrNaN(e.data().get("reward"), where + ".edges[" + e.id() + "].data.reward");
                int id = ids.get(e.target());
                double[] before = shown.get(id);
                if (before == null || Double.compare(before[0], q) != 0 || Double.compare(before[1], r) != 0) {
                    evals.add(new Evaluation(id, q, Double.isNaN(r) ? null : r));
                    shown.put(id, new double[] {q, r});
                }
            }
            t.values("LLM Reasoners edge data: Q as value, reward", evals);
            bestPath = selections(t, nodes, edges, ids, where);
        }
        List<ImportedTree> out = new ArrayList<>();
        out.add(new ImportedTree("MCTS, " + logs.size() + " snapshot" + (logs.size() == 1 ? "" : "s"),
                t.finish(false, null, bestPath, logs.size()), t.size(), null, null, null, null, null));
        return out;
    }

    /** Follows selected_edge from the root, one selection per node on the way; returns the path. */
    private static int[] selections(TreeEvents t, Map<Integer, JsonNode> nodes, List<Edge> edges,
                                    Map<Integer, Integer> ids, String where) throws ImportFormatException {
        Map<Integer, Edge> byId = new HashMap<>();
        Map<Integer, List<Edge>> out = new HashMap<>();
        Integer root = null;
        java.util.Set<Integer> targets = new java.util.HashSet<>();
        for (Edge e : edges) {
            byId.put(e.id(), e);
            out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
            targets.add(e.target());
        }
        for (int n : nodes.keySet()) {
            if (!targets.contains(n)) {
                root = n;
                break;
            }
        }
        List<Integer> path = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Integer n = root; n != null && seen.add(n); ) {
            path.add(ids.get(n));
            JsonNode sel = nodes.get(n).get("selected_edge");
            if (sel == null || sel.isNull() || !byId.containsKey(sel.asInt())) {
                break;
            }
            Edge chosen = byId.get(sel.asInt());
            List<Candidate> candidates = new ArrayList<>();
            for (Edge e : out.getOrDefault(n, List.of())) {
                double q = Json.numberOrNaN(e.data().get("Q"), where + ".edges[" + e.id() + "].data.Q");
                candidates.add(new Candidate(ids.get(e.target()), q, 0, 0, 0, q));
            }
            t.selected(ids.get(n), ids.get(chosen.target()), "llm-reasoners selected_edge", candidates);
            n = chosen.target();
        }
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Node text: the edge's action where it has one, else the node's data. */
    private static String text(JsonNode node, JsonNode edgeData) {
        if (edgeData != null && edgeData.hasNonNull("action")) {
            return Json.asText(edgeData.get("action"), 400);
        }
        JsonNode data = node.path("data");
        if (data.isObject() && data.size() == 1) {
            return Json.asText(data.elements().next(), 400);
        }
        return data.isMissingNode() || data.isEmpty() ? "node " + node.path("id").asText() : Json.asText(data, 400);
    }

    private static Map<Integer, JsonNode> byId(JsonNode nodes, String where) throws ImportFormatException {
        Map<Integer, JsonNode> m = new TreeMap<>();
        for (JsonNode n : values(nodes, where)) {
            m.put(intField(n, "id", where), n);
        }
        return m;
    }

    private static List<Edge> edges(JsonNode edges, String where) throws ImportFormatException {
        List<Edge> out = new ArrayList<>();
        for (JsonNode e : values(edges, where)) {
            JsonNode data = e.path("data");
            out.add(new Edge(intField(e, "id", where), intField(e, "source", where), intField(e, "target", where),
                    data.isObject() ? data : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return out;
    }

    /** The values of a dict keyed by id (as Python writes it) or of a list. */
    private static List<JsonNode> values(JsonNode container, String where) throws ImportFormatException {
        List<JsonNode> out = new ArrayList<>();
        if (container.isObject()) {
            Iterator<JsonNode> it = container.elements();
            it.forEachRemaining(out::add);
        } else if (container.isArray()) {
            container.forEach(out::add);
        } else {
            throw new ImportFormatException(where + ": expected an object keyed by id, found " + Json.describe(container));
        }
        for (JsonNode n : out) {
            if (!n.isObject()) {
                throw new ImportFormatException(where + ": expected objects, found " + Json.describe(n));
            }
        }
        return out;
    }

    private static int intField(JsonNode n, String field, String where) throws ImportFormatException {
        JsonNode v = Json.field(n, field, where);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ImportFormatException(where + "." + field + ": expected a whole number, found " + Json.describe(v));
        }
        return v.asInt();
    }
}
