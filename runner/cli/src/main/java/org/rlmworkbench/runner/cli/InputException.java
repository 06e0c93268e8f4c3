package org.rlmworkbench.runner.cli;

/** Bad input named by the CLI: ends the command with exit code 2 and this message. */
final class InputException extends RuntimeException {
    InputException(String message) {
        super(message);
    }
}
