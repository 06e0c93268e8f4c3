package org.rlmworkbench.runner.export;

/**
 * What an export wrote.
 *
 * @param traces trace files read
 * @param trees runs (instances) found in them
 * @param written examples written
 * @param duplicates examples dropped because an equal one was already written
 * @param skippedEvents events of kinds the exporter does not read (newer trace versions), skipped
 */
public record ExportSummary(TrainingFormat format, int traces, int trees, int written, int duplicates,
                            int skippedEvents) {
}
