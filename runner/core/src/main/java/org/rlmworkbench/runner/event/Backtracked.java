package org.rlmworkbench.runner.event;

/** Backtrack left the dead end {@code from} and resumes at its ancestor {@code to}. */
public record Backtracked(int from, int to) implements RunEvent {
}
