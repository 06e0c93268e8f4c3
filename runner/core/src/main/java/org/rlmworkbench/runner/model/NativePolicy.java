package org.rlmworkbench.runner.model;

import java.util.Arrays;
import java.util.List;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * The problem-native policy: priors over the problem's own enumerated steps, uniform or
 * proportional to the problem's step preference. Needs no model, so every scheme runs out of the box.
 */
public record NativePolicy(Priors priors) implements PolicyModel {

    /** How priors are formed. */
    public enum Priors { UNIFORM, HEURISTIC }

    @Override
    public String name() {
        return priors == Priors.UNIFORM ? "native-uniform" : "native-heuristic";
    }

    @Override
    public double[] priors(Problem<Object> problem, Object state, List<Step<Object>> steps) {
        int n = steps.size();
        double[] p = new double[n];
        if (n == 0) {
            return p;
        }
        if (priors == Priors.UNIFORM) {
            Arrays.fill(p, 1.0 / n);
            return p;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.max(1e-9, problem.stepPreference(state, steps.get(i)));
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
