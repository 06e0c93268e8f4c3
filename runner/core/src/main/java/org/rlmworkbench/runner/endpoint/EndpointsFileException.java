package org.rlmworkbench.runner.endpoint;

import java.nio.file.Path;

/** An endpoints file that cannot be read or used; the message names the file and the field at fault. */
public final class EndpointsFileException extends RuntimeException {

    public EndpointsFileException(Path file, String message) {
        super(file + ": " + message);
    }

    public EndpointsFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
