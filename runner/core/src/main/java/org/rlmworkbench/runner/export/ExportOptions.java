package org.rlmworkbench.runner.export;

/**
 * Choices of the training-data export.
 *
 * @param allPaths sft: every distinct solved path rather than one per instance
 * @param label prm: where a step's label comes from
 * @param threshold prm with {@link PrmLabel#Q}: a step is good when its Q (or V where unvisited) exceeds this
 * @param margin preference: the least difference in value between chosen and rejected
 */
public record ExportOptions(boolean allPaths, PrmLabel label, double threshold, double margin) {

    /** Where a PRM step label comes from. */
    public enum PrmLabel {
        /** Good when the search found a verified solution below the step (a hard Monte Carlo estimate). */
        SOLUTION,
        /** Good when the step's Q (its value V where never visited) exceeds the threshold. */
        Q
    }

    public static ExportOptions defaults() {
        return new ExportOptions(false, PrmLabel.SOLUTION, 0.0, 0.5);
    }

    public ExportOptions {
        if (Double.isNaN(margin) || margin < 0) {
            throw new IllegalArgumentException("margin must be a number >= 0, got " + margin);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number");
        }
    }
}
