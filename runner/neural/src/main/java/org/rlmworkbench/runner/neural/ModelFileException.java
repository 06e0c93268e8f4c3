package org.rlmworkbench.runner.neural;

import java.nio.file.Path;

/** A model file that cannot be used: missing, of the wrong shape, or made for another problem. */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String what) {
        super(file + ": " + what);
    }

    public ModelFileException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
    }
}
