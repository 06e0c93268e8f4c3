package org.rlmworkbench.runner.scheme;

/** The blueprint's operator categories, plus control nodes. */
public enum Category {
    STRUCTURE("Structure"), TRAVERSAL("Traversal"), UPDATE("Update"), EVALUATE("Evaluate"), CONTROL("Control");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
