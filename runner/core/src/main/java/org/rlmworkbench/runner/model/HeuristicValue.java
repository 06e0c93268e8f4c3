package org.rlmworkbench.runner.model;

import java.util.List;
import org.rlmworkbench.runner.problem.Problem;

/** A value model that asks the problem's own heuristic; useful as a baseline and for teaching. */
public record HeuristicValue() implements ValueModel {

    @Override
    public String name() {
        return "native-heuristic";
    }

    @Override
    public double[] values(Problem<Object> problem, List<Object> states) {
        double[] v = new double[states.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = problem.heuristicValue(states.get(i));
        }
        return v;
    }
}
