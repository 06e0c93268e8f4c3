package org.rlmworkbench.runner.scheme;

import java.util.List;
import java.util.stream.Collectors;

/** A scheme that cannot run; the message lists every error with its source, node and field. */
public class InvalidSchemeException extends RuntimeException {
    private final transient List<SchemeError> errors;

    public InvalidSchemeException(String source, List<SchemeError> errors) {
        super(errors.stream().filter(SchemeError::isError).map(e -> source + ": " + e)
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<SchemeError> errors() {
        return errors;
    }
}
