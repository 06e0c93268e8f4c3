package org.rlmworkbench.runner.event;

import java.util.List;

/**
 * The trace was not run here but imported from another tool's file. Follows {@link RunStarted}.
 * Totals are as the file states them for this tree, null where the file does not say;
 * {@code missing} names what the format does not carry (left empty in the graph, never invented).
 *
 * @param format the importer, e.g. {@code tot}
 * @param source the file the tree came from
 * @param tree 0-based index of the tree within the file
 * @param solvedByFile whether the file records this tree as solved; null when it records no verdict
 */
public record TreeImported(String format, String source, int tree, Long promptTokens, Long completionTokens,
                           Double cost, Boolean solvedByFile, List<String> missing) implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
