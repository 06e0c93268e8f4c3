package org.rlmworkbench.runner.event;

/**
 * Backpropagate carried {@code value} from {@code leaf} up {@code path} (leaf first, root last);
 * {@code visits} and {@code q} are each path node's new N and Q, in the same order.
 */
public record ValueBackpropagated(int leaf, double value, String rule, int[] path, int[] visits, double[] q)
        implements RunEvent {
}
