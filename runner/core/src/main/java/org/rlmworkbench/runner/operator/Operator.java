package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.scheme.SchemeNode;

/**
 * A blueprint operator, configured from a scheme node: it takes a working set of reasoning
 * nodes, changes the reasoning graph (reporting every change as an event) and passes a working
 * set on.
 */
public sealed interface Operator permits Generate, Refine, Aggregate, Prune, Restructure, Select, Backtrack,
        Backpropagate, Evaluate {

    /** Applies the operator to {@code input} and returns the working set it passes on. */
    int[] apply(RunContext ctx, int[] input);

    /**
     * The operator a scheme node describes.
     *
     * @throws IllegalArgumentException for a control node
     */
    static Operator from(SchemeNode node) {
        Params p = new Params(node);
        return switch (node.nodeType()) {
            case GENERATE -> Generate.from(p);
            case REFINE -> Refine.from(p);
            case AGGREGATE -> Aggregate.from(p);
            case PRUNE -> Prune.from(p);
            case RESTRUCTURE -> Restructure.from(p);
            case SELECT -> Select.from(p);
            case BACKTRACK -> Backtrack.from(p);
            case BACKPROPAGATE -> Backpropagate.from(p);
            case EVALUATE -> Evaluate.from(p);
            case START, LOOP, BRANCH, OUTPUT -> throw new IllegalArgumentException(
                    "node '" + node.id() + "' is a control node, not an operator");
        };
    }
}
