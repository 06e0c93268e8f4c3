package org.rlmworkbench.runner.scheme;

/**
 * One problem with a scheme, naming the culprit: the node (null for the whole file) and the field
 * ({@code type}, {@code params.k}, {@code wires[2].to}, ...).
 */
public record SchemeError(Severity severity, String nodeId, String field, String message) {

    /** How bad it is: an error stops a run, a warning does not. */
    public enum Severity { ERROR, WARNING }

    public static SchemeError error(String nodeId, String field, String message) {
        return new SchemeError(Severity.ERROR, nodeId, field, message);
    }

    public static SchemeError warning(String nodeId, String field, String message) {
        return new SchemeError(Severity.WARNING, nodeId, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** e.g. {@code error: node 'select', field params.c: must be between 0 and 100, got 500.0}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (nodeId != null) {
            b.append("node '").append(nodeId).append("'");
        }
        if (field != null) {
            b.append(nodeId != null ? ", " : "").append("field ").append(field);
        }
        if (nodeId != null || field != null) {
            b.append(": ");
        }
        return b.append(message).toString();
    }
}
