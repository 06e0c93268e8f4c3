package org.rlmworkbench.runner.event;

/** Restructure changed the shape of the search: here, the root moved from {@code oldRoot} to {@code newRoot}. */
public record Restructured(String mode, int oldRoot, int newRoot) implements RunEvent {
}
