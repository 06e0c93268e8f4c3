package org.rlmworkbench.problems.wordmath;

import java.util.List;

/**
 * A generated arithmetic word problem with its solution.
 *
 * @param text the problem as the model reads it
 * @param solution the equations of one solution, in order; their results are the ones a solution needs
 * @param answer the final number
 * @param family which kind of story (shopping, rates, ages, fractions)
 */
public record WordProblem(String text, List<Equation> solution, long answer, String family) {

    public WordProblem {
        solution = List.copyOf(solution);
    }

    public int operations() {
        return solution.size();
    }
}
