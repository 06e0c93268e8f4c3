package org.rlmworkbench.runner.model;

import org.rlmworkbench.runner.problem.Problem;

/**
 * The problem-native reward model: the verifier's outcome reward at terminal states, the
 * problem's process reward for partial ones, its heuristic where it has no process reward.
 */
public record NativeReward() implements RewardModel {

    @Override
    public String name() {
        return "native-verifier";
    }

    @Override
    public double reward(Problem<Object> problem, Object state) {
        if (problem.isTerminal(state)) {
            return problem.outcomeReward(state);
        }
        var pr = problem.processReward(state);
        return pr.isPresent() ? pr.getAsDouble() : problem.heuristicValue(state);
    }
}
