package org.rlmworkbench.runner.eval;

import org.rlmworkbench.runner.model.ModelUsage;

/** Results of one scheme over a set of instances; {@code usage} sums what every run spent on language models. */
public record EvalReport(String scheme, int instances, int solved, double solveRate, double medianNodes,
                         double meanSeconds, int budget, ModelUsage usage) {

    public EvalReport(String scheme, int instances, int solved, double solveRate, double medianNodes,
                      double meanSeconds, int budget) {
        this(scheme, instances, solved, solveRate, medianNodes, meanSeconds, budget, ModelUsage.NONE);
    }
}
