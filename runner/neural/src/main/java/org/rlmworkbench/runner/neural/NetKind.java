package org.rlmworkbench.runner.neural;

import java.util.Locale;

/** The three embedded networks, each saved as {@code <file>.params} plus {@code <file>.json}. */
public enum NetKind {
    /** V(state): an MLP with tanh output. */
    VALUE,
    /** Scores each candidate step of a state; softmax over a state's steps gives the priors. */
    POLICY,
    /** The generative policy: a character-level transformer language model. */
    LM;

    /** Base file name, e.g. {@code value}. */
    public String file() {
        return name().toLowerCase(Locale.ROOT);
    }
}
