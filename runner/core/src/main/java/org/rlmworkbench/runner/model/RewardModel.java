package org.rlmworkbench.runner.model;

import org.rlmworkbench.runner.problem.Problem;

/**
 * A reward model: the outcome reward of a terminal state (an ORM or verifier) and, for a partial
 * state, a process reward (a PRM), both in [-1, 1].
 */
public interface RewardModel {

    String name();

    double reward(Problem<Object> problem, Object state);
}
