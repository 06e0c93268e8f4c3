package org.rlmworkbench.runner.cli;

import java.io.PrintWriter;

/** A one-line progress bar on the error stream, drawn only when a person watches a terminal. */
final class ProgressBar {
    private final PrintWriter err;
    private final int total;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();

    private ProgressBar(PrintWriter err, int total, String label, boolean enabled) {
        this.err = err;
        this.total = total;
        this.label = label;
        this.enabled = enabled;
    }

    static ProgressBar forTerminal(PrintWriter err, int total, String label) {
        return new ProgressBar(err, total, label, System.console() != null);
    }

    void update(int done) {
        if (!enabled) {
            return;
        }
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        double secs = (System.nanoTime() - start) / 1e9;
        double eta = done == 0 ? 0 : secs / done * (total - done);
        err.printf("\r%s [%s%s] %d/%d  %.0fs left ", label, "#".repeat(filled), ".".repeat(width - filled), done,
                total, eta);
        err.flush();
    }

    void done() {
        if (enabled) {
            err.println();
        }
    }
}
