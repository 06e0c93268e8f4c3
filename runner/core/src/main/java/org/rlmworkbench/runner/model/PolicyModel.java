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

    /**
     * Priors for several states at once (the leaves of a batch), in order: {@code steps.get(i)} are
     * the legal steps of {@code states.get(i)}. A network overrides this with one forward pass; the
     * default asks state by state.
     */
    default List<double[]> priors(Problem<Object> problem, List<Object> states, List<List<Step<Object>>> steps) {
        List<double[]> out = new java.util.ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            out.add(priors(problem, states.get(i), steps.get(i)));
        }
        return out;
    }
}
