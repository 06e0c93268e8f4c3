package org.rlmworkbench.runner.event;

/** The verifier accepted the terminal node {@code node}. */
public record SolutionFound(int node, String answer, double reward) implements RunEvent {
}
