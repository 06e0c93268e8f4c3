package org.rlmworkbench.runner.training;

import java.util.List;

/** Training examples read from search traces. */
public final class Examples {
    private Examples() {
    }

    /** A state (encoded) and its value target in [-1, 1]. */
    public record Value(String state, float target) {
    }

    /** A state (encoded), its candidate step texts, the states they lead to (encoded) and the target distribution. */
    public record Policy(String state, List<String> steps, List<String> next, float[] target) {
    }

    /** A prompt (the state's prompt text), a step text written from it, and the example's weight in the loss. */
    public record Lm(String prompt, String step, float weight) {
    }
}
