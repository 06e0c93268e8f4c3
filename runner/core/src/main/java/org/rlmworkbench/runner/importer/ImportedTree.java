package org.rlmworkbench.runner.importer;

import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * One tree of an imported file as a trace of the workbench's own events.
 *
 * @param label a short name for choosing among a file's trees, e.g. {@code puzzle 900: 4 5 6 10}
 * @param nodes the number of reasoning nodes
 * @param solvedByFile the file's own verdict; null when the file records none
 * @param solvedByVerifier the verdict of the workbench's verifier; null when it has no verifier for the task
 * @param promptTokens tokens as the file states them for this tree (running totals already differenced); null when absent
 */
public record ImportedTree(String label, List<RunEvent> events, int nodes, Boolean solvedByFile,
                           Boolean solvedByVerifier, Long promptTokens, Long completionTokens, Double cost) {
    public ImportedTree {
        events = List.copyOf(events);
    }
}
