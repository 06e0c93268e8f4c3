package org.rlmworkbench.runner.operator;


/** Thrown inside a run's thread when the run is cancelled; the interpreter ends the run cleanly. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("run cancelled", null, false, false);
    }
}
