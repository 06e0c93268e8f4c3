package org.rlmworkbench.runner.event;

/** A node was pruned from the search; {@code reason} says by which rule. */
public record NodePruned(int node, String reason) implements RunEvent {
}
