package org.rlmworkbench.runner.event;

/** Refine wrote {@code refined} as an improved alternative to {@code original}. */
public record NodeRefined(int original, int refined, double originalValue, double refinedValue)
        implements RunEvent {
}
