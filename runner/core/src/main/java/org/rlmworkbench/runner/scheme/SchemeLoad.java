package org.rlmworkbench.runner.scheme;

import java.util.List;

/**
 * What reading a scheme file gave: the scheme (null when the file could not be read as one) and
 * every error and warning, those of reading and of validation together.
 */
public record SchemeLoad(String source, Scheme scheme, List<SchemeError> errors) {

    public SchemeLoad {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return errors.stream().anyMatch(SchemeError::isError);
    }

    /** The scheme, when it has no errors. */
    public Scheme orThrow() {
        if (scheme == null || hasErrors()) {
            throw new InvalidSchemeException(source, errors);
        }
        return scheme;
    }
}
