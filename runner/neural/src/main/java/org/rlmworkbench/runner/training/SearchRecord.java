package org.rlmworkbench.runner.training;

import java.util.List;

/**
 * One searched instance, as exported to JSON Lines (see docs/neural.md): the prompt, the path
 * the search chose with per-step statistics, and each expanded node's child statistics.
 */
public record SearchRecord(String problem, int phase, String split, String instance, String prompt, boolean solved,
                           int nodes, int iterations, List<PathStep> steps, List<Expansion> expansions) {

    /** A step of the chosen path: the state before it, its text, and the child's N, Q, V, R. */
    public record PathStep(String state, String text, int visits, double q, double value, Double reward,
                           String next) {
    }

    /** An expanded node's state, its own N and Q, and its children's texts, priors, N and Q. */
    public record Expansion(String state, int visits, double q, List<String> steps, double[] priors, int[] childVisits,
                            double[] childQ) {
    }
}
