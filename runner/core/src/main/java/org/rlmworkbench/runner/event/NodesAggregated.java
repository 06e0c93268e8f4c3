package org.rlmworkbench.runner.event;

/**
 * Aggregate merged {@code sources} into {@code target}: each source became a parent of target
 * (a DAG edge). {@code mode} is {@code vote} or {@code merge}; {@code answer} the voted answer, if any.
 * When the target is new, a NodeAdded precedes this event.
 */
public record NodesAggregated(int target, int[] sources, String mode, String answer) implements RunEvent {
}
