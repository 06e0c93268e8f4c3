package org.rlmworkbench.runner.model;

import java.util.List;
import org.rlmworkbench.runner.problem.Problem;

/** A value model: V(s) in [-1, 1] for partial reasonings, many states per call (a batch). */
public interface ValueModel {

    String name();

    /** Values of {@code states}, in order. */
    double[] values(Problem<Object> problem, List<Object> states);
}
