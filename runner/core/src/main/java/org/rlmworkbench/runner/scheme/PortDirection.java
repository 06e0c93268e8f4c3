package org.rlmworkbench.runner.scheme;

/** Whether a port receives or sends the working set. */
public enum PortDirection {
    IN, OUT
}
