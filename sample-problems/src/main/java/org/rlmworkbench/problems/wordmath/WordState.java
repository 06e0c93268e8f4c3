package org.rlmworkbench.problems.wordmath;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.problems.game24.Rational;

/**
 * A partial solution: the problem, the steps written so far (each a sentence with its one
 * equation) and the final answer once given.
 *
 * @param problem the problem and its solution
 * @param steps the steps so far
 * @param answer the final number claimed, or null
 */
public record WordState(WordProblem problem, List<WrittenStep> steps, Rational answer) {

    /** Most steps before a chain is cut off as too long. */
    public static final int MAX_STEPS = 16;

    public WordState {
        steps = List.copyOf(steps);
    }

    /** A step: its sentence as written and the equation in it. */
    public record WrittenStep(String sentence, Equation equation) {
    }

    WordState with(WrittenStep step) {
        List<WrittenStep> s = new ArrayList<>(steps);
        s.add(step);
        return new WordState(problem, s, null);
    }

    WordState answered(Rational value) {
        return new WordState(problem, steps, value);
    }

    boolean isTerminal() {
        return answer != null || steps.size() >= MAX_STEPS;
    }

    boolean correct() {
        return answer != null && answer.isInteger(problem.answer());
    }
}
