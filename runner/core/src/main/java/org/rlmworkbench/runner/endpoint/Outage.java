package org.rlmworkbench.runner.endpoint;

/** A model that failed mid-run: its name and the cause, as the pause message shows them. */
public record Outage(String model, String message) {
}
