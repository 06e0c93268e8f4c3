package org.rlmworkbench.runner.importer;

import java.io.IOException;

/** A file that is not a tree of the expected format; the message names the file, what was expected and what was found. */
public class ImportFormatException extends IOException {
    public ImportFormatException(String message) {
        super(message);
    }
}
