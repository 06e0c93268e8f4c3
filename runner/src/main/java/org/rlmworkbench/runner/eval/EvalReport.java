package org.rlmworkbench.runner.eval;

/** Results of one scheme over a set of instances. */
public record EvalReport(String scheme, int instances, int solved, double solveRate, double medianNodes,
                         double meanSeconds, int budget) {
}
