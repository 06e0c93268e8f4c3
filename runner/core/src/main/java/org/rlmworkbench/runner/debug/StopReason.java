package org.rlmworkbench.runner.debug;

/**
 * Why a playing run stopped by itself: at a breakpoint on a scheme node, at the first solution,
 * or because a named condition held.
 *
 * @param kind what stopped it
 * @param name the scheme node's id (breakpoint) or the condition's name; empty for a solution
 * @param eventIndex the 0-based index of the event it stopped after
 */
public record StopReason(Kind kind, String name, long eventIndex) {

    /** What can stop a playing run. */
    public enum Kind { BREAKPOINT, SOLUTION, CONDITION }
}
