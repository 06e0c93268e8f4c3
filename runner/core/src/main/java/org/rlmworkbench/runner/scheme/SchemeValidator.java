package org.rlmworkbench.runner.scheme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * Checks a scheme and reports every problem at once, each naming the node and the field:
 * unknown operators, bad parameters, missing or dangling wires, unreachable nodes and loops
 * without a budget.
 */
public final class SchemeValidator {

    private SchemeValidator() {
    }

    /** Every error and warning of {@code scheme}, in a stable order. */
    public static List<SchemeError> validate(Scheme scheme) {
        List<SchemeError> errors = new ArrayList<>();
        Map<String, SchemeNode> byId = new HashMap<>();
        for (SchemeNode n : scheme.nodes()) {
            if (byId.putIfAbsent(n.id(), n) != null) {
                errors.add(SchemeError.error(n.id(), "id", "two nodes have the id '" + n.id() + "'"));
            }
        }
        for (SchemeNode n : scheme.nodes()) {
            checkNode(n, errors);
        }
        checkWires(scheme, byId, errors);
        checkStartAndOutput(scheme, errors);
        checkReachability(scheme, byId, errors);
        checkLoops(scheme, byId, errors);
        return errors;
    }

    /** Whether the scheme has no errors (warnings allowed). */
    public static boolean isRunnable(Scheme scheme) {
        return validate(scheme).stream().noneMatch(SchemeError::isError);
    }

    private static void checkNode(SchemeNode n, List<SchemeError> errors) {
        NodeType type = n.nodeType();
        if (type == null) {
            errors.add(SchemeError.error(n.id(), "type", "unknown operator '" + n.type() + "'; known: "
                    + java.util.Arrays.stream(NodeType.values()).map(NodeType::typeName).toList()));
            return;
        }
        for (Map.Entry<String, Object> e : n.params().entrySet()) {
            var spec = type.param(e.getKey());
            if (spec.isEmpty()) {
                errors.add(SchemeError.warning(n.id(), "params." + e.getKey(),
                        "unknown parameter for " + type.typeName() + "; known: "
                                + type.params().stream().map(ParamSpec::name).toList()));
                continue;
            }
            try {
                spec.get().check(e.getValue());
            } catch (IllegalArgumentException ex) {
                errors.add(SchemeError.error(n.id(), "params." + e.getKey(), ex.getMessage()));
            }
        }
        if (type == NodeType.SELECT && n.params().get("batch") instanceof Number b && b.intValue() > 1) {
            Object scope = n.params().getOrDefault("scope", "tree");
            Object rule = n.params().getOrDefault("rule", "puct");
            if (!"tree".equals(scope)) {
                errors.add(SchemeError.error(n.id(), "params.batch", "batch " + b + " needs scope 'tree' (a batch is B"
                        + " descents from the root); this Select has scope '" + scope + "'"));
            } else if (!List.of("puct", "uct", "prior_free_puct").contains(rule)) {
                errors.add(SchemeError.error(n.id(), "params.batch", "batch " + b + " needs rule puct, uct or"
                        + " prior_free_puct (the rules that read visit counts, which the virtual loss changes);"
                        + " this Select has rule '" + rule + "'"));
            }
        }
        if (type == NodeType.LOOP && java.util.stream.Stream.of("iterations", "max_nodes", "seconds", "model_calls",
                "tokens", "cost").allMatch(b -> n.params().get(b) == null)) {
            errors.add(SchemeError.error(n.id(), "params.iterations",
                    "loop without a budget: set iterations, max_nodes, seconds, model_calls, tokens or cost"));
        }
    }

    private static void checkWires(Scheme scheme, Map<String, SchemeNode> byId, List<SchemeError> errors) {
        Set<String> usedOutputs = new HashSet<>();
        Set<String> wiredInputs = new HashSet<>();
        for (int i = 0; i < scheme.wires().size(); i++) {
            Wire w = scheme.wires().get(i);
            String f = "wires[" + i + "]";
            SchemeNode from = byId.get(w.from());
            SchemeNode to = byId.get(w.to());
            if (from == null) {
                errors.add(SchemeError.error(w.from(), f + ".from", "dangling wire " + w + ": no node '" + w.from() + "'"));
            }
            if (to == null) {
                errors.add(SchemeError.error(w.to(), f + ".to", "dangling wire " + w + ": no node '" + w.to() + "'"));
            }
            if (from != null && from.nodeType() != null) {
                var port = from.nodeType().port(w.fromPort());
                if (port.isEmpty() || port.get().direction() != PortDirection.OUT) {
                    errors.add(SchemeError.error(w.from(), f + ".fromPort", "dangling wire " + w + ": "
                            + from.type() + " has no output port '" + w.fromPort() + "'; its outputs: "
                            + from.nodeType().outputs().stream().map(PortSpec::name).toList()));
                } else if (!usedOutputs.add(w.from() + "." + w.fromPort())) {
                    errors.add(SchemeError.error(w.from(), f + ".fromPort", "output port '" + w.fromPort()
                            + "' already has a wire; an output feeds exactly one input"));
                }
            }
            if (to != null && to.nodeType() != null) {
                var port = to.nodeType().port(w.toPort());
                if (port.isEmpty() || port.get().direction() != PortDirection.IN) {
                    errors.add(SchemeError.error(w.to(), f + ".toPort", "dangling wire " + w + ": "
                            + to.type() + " has no input port '" + w.toPort() + "'; its inputs: "
                            + to.nodeType().inputs().stream().map(PortSpec::name).toList()));
                } else {
                    wiredInputs.add(w.to() + "." + w.toPort());
                }
            }
        }
        for (SchemeNode n : scheme.nodes()) {
            NodeType t = n.nodeType();
            if (t == null) {
                continue;
            }
            for (PortSpec p : t.outputs()) {
                if (!usedOutputs.contains(n.id() + "." + p.name())) {
                    errors.add(SchemeError.error(n.id(), "ports." + p.name(),
                            "missing wire: output port '" + p.name() + "' is not connected"));
                }
            }
            if (t != NodeType.START && !wiredInputs.contains(n.id() + ".in")) {
                errors.add(SchemeError.error(n.id(), "ports.in", "missing wire: input port 'in' is not connected"));
            }
            if (t == NodeType.LOOP && !wiredInputs.contains(n.id() + ".repeat")) {
                errors.add(SchemeError.warning(n.id(), "ports.repeat",
                        "nothing wires back to 'repeat': the body runs once"));
            }
        }
    }

    private static void checkStartAndOutput(Scheme scheme, List<SchemeError> errors) {
        List<SchemeNode> starts = scheme.nodes().stream().filter(n -> n.nodeType() == NodeType.START).toList();
        if (starts.isEmpty()) {
            errors.add(SchemeError.error(null, "nodes", "the scheme has no Start node"));
        } else if (starts.size() > 1) {
            for (SchemeNode s : starts.subList(1, starts.size())) {
                errors.add(SchemeError.error(s.id(), "type", "a scheme has exactly one Start node; '"
                        + starts.get(0).id() + "' is the first"));
            }
        }
        if (scheme.nodes().stream().noneMatch(n -> n.nodeType() == NodeType.OUTPUT)) {
            errors.add(SchemeError.error(null, "nodes", "the scheme has no Output node"));
        }
    }

    private static void checkReachability(Scheme scheme, Map<String, SchemeNode> byId, List<SchemeError> errors) {
        SchemeNode start = scheme.nodes().stream().filter(n -> n.nodeType() == NodeType.START).findFirst()
                .orElse(null);
        if (start == null) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start.id()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            for (Wire w : scheme.wiresFrom(id)) {
                if (byId.containsKey(w.to())) {
                    todo.push(w.to());
                }
            }
        }
        for (SchemeNode n : scheme.nodes()) {
            if (!seen.contains(n.id())) {
                errors.add(SchemeError.error(n.id(), "ports.in", "unreachable: no path of wires leads here from '"
                        + start.id() + "'"));
            }
        }
    }

    /** Every cycle must pass through the 'repeat' port of a Loop with a budget. */
    private static void checkLoops(Scheme scheme, Map<String, SchemeNode> byId, List<SchemeError> errors) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        byId.keySet().stream().sorted().forEach(g::addVertex);
        for (Wire w : scheme.wires()) {
            SchemeNode to = byId.get(w.to());
            if (to == null || !byId.containsKey(w.from())) {
                continue;
            }
            boolean budgetedRepeat = to.nodeType() == NodeType.LOOP && w.toPort().equals("repeat");
            if (budgetedRepeat) {
                continue;
            }
            if (w.from().equals(w.to())) {
                errors.add(SchemeError.error(w.from(), "wires", "loop without a budget: the node wires to itself"));
                continue;
            }
            g.addEdge(w.from(), w.to());
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
            if (component.size() > 1) {
                String first = component.stream().sorted().findFirst().orElseThrow();
                errors.add(SchemeError.error(first, "wires", "loop without a budget: " + component.stream().sorted()
                        .toList() + " form a cycle that does not pass through a Loop's 'repeat' port"));
            }
        }
    }
}
