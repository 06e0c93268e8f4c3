package org.rlmworkbench.problems.countdown;

import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.Step;

/**
 * One Countdown step, {@code 25 + 50 = 75 (left: 75 75 100 3 6)} as in Game of 24.
 *
 * @param left the number written first
 * @param symbol {@code + - * /}
 * @param right the number written second
 * @param next the state after the step (its first number is the result)
 */
record CountdownStep(Rational left, char symbol, Rational right, CountdownState next) implements Step<CountdownState> {

    Rational result() {
        return next.number(0);
    }

    /** The written arithmetic without the numbers left, e.g. {@code 25 + 50}; steps are unique by it. */
    String expression() {
        return left + " " + symbol + " " + right;
    }

    @Override
    public String text() {
        return expression() + " = " + result() + " (left: " + next.numbersText() + ")";
    }
}
