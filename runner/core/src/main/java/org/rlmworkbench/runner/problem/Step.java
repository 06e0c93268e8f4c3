package org.rlmworkbench.runner.problem;

/**
 * One legal reasoning step: its text as a person reads it and the state it leads to.
 *
 * @param <S> the problem's state type
 */
public interface Step<S> {

    /** The step as text, e.g. {@code 4 * 6 = 24 (left: 24 8 2)}. */
    String text();

    /** The state after the step. */
    S next();

    /** A plain step whose text is known up front. */
    static <S> Step<S> of(String text, S next) {
        return new TextStep<>(text, next);
    }

    /** Step with eagerly known text. */
    record TextStep<S>(String text, S next) implements Step<S> {
    }
}
