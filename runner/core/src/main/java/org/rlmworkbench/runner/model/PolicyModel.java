package org.rlmworkbench.runner.model;

import java.util.List;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/** The policy: prior probabilities over a state's candidate steps, all scored in one call (one batch). */
public interface PolicyModel {

    /** Name shown in pickers and traces. */
    String name();

    /**
     * Priors for {@code steps}, the legal steps of {@code state}; non-negative, summing to 1.
     */
    double[] priors(Problem<Object> problem, Object state, List<Step<Object>> steps);
}
