package org.rlmworkbench.runner.event;

/**
 * One node's evaluation: the value estimate V and, where known, the reward R (null otherwise).
 */
public record Evaluation(int node, double value, Double reward) {
}
