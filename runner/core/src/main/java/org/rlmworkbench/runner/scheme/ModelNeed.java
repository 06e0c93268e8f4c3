package org.rlmworkbench.runner.scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * A scheme node that needs a language model in a role ({@code writer} or {@code judge}) because of
 * one of its parameters, e.g. Generate with {@code source = sample}. What the command line and the
 * app check before a run, so that a missing model is named before anything starts.
 */
public record ModelNeed(String nodeId, String field, String role) {

    /** Every need of {@code scheme}, in node order. */
    public static List<ModelNeed> of(Scheme scheme) {
        List<ModelNeed> out = new ArrayList<>();
        for (SchemeNode n : scheme.nodes()) {
            NodeType t = n.nodeType();
            if (t == NodeType.GENERATE && "sample".equals(n.params().get("source"))) {
                out.add(new ModelNeed(n.id(), "params.source", "writer"));
            } else if (t == NodeType.REFINE && "writer".equals(n.params().get("alternatives"))) {
                out.add(new ModelNeed(n.id(), "params.alternatives", "writer"));
            } else if (t == NodeType.EVALUATE) {
                if ("judge".equals(n.params().get("source"))) {
                    out.add(new ModelNeed(n.id(), "params.source", "judge"));
                }
                if ("judge".equals(n.params().get("terminal"))) {
                    out.add(new ModelNeed(n.id(), "params.terminal", "judge"));
                }
            }
        }
        return out;
    }

    /** Whether any node needs a model in {@code role}. */
    public static boolean needs(Scheme scheme, String role) {
        return of(scheme).stream().anyMatch(m -> m.role().equals(role));
    }

    @Override
    public String toString() {
        return "node '" + nodeId + "', field " + field + ": needs a " + role + " model";
    }
}
