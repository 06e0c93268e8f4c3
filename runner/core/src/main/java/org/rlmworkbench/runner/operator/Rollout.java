package org.rlmworkbench.runner.operator;

import java.util.SplittableRandom;
import org.rlmworkbench.runner.problem.Problem;

/**
 * Random playouts from a state, each cut off after {@code depth} steps: the one rollout of Evaluate
 * and Refine. A playout that reaches a terminal scores the verifier's outcome; one cut off (or stuck
 * with no legal step) scores the problem's heuristic. The result is the mean over {@code count}.
 */
record Rollout(int depth, int count) {

    /** Evaluate's default {@code rollout_depth}; Refine, which has no such parameter, uses it too. */
    static final int DEFAULT_DEPTH = 50;

    Rollout {
        if (depth < 1 || count < 1) {
            throw new IllegalArgumentException("a rollout needs depth >= 1 and count >= 1, got " + depth + ", " + count);
        }
    }

    double value(Problem<Object> problem, Object state, SplittableRandom rng) {
        double sum = 0;
        for (int r = 0; r < count; r++) {
            Object s = state;
            int d = 0;
            while (!problem.isTerminal(s) && d < depth) {
                Object next = problem.randomNext(s, rng);
                if (next == null) {
                    break;
                }
                s = next;
                d++;
            }
            sum += problem.isTerminal(s) ? problem.outcomeReward(s) : problem.heuristicValue(s);
        }
        return sum / count;
    }
}
