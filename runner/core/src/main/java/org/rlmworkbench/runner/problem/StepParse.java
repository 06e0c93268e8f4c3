package org.rlmworkbench.runner.problem;

/**
 * What a problem makes of a step written as free text by a model: a legal step (its canonical
 * text and next state), or a rejection with a reason a person understands.
 *
 * @param <S> the problem's state type
 */
public sealed interface StepParse<S> {

    /** The text exactly as the model wrote it. */
    String raw();

    /** The written text names a legal step. */
    record Accepted<S>(String raw, Step<S> step) implements StepParse<S> {
    }

    /**
     * The written text is not a legal step; {@code reason} says why in plain words, e.g.
     * {@code 13 - 4 = 8: the arithmetic is wrong (13 - 4 = 9)}.
     */
    record Rejected<S>(String raw, String reason) implements StepParse<S> {
    }

    static <S> StepParse<S> accepted(String raw, Step<S> step) {
        return new Accepted<>(raw, step);
    }

    static <S> StepParse<S> rejected(String raw, String reason) {
        return new Rejected<>(raw, reason);
    }
}
