package org.rlmworkbench.app.workspace;

import java.io.IOException;

/** A workspace file that cannot be read; the message names the file and the field at fault. */
public class WorkspaceException extends IOException {
    public WorkspaceException(String message) {
        super(message);
    }
}
