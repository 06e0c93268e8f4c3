package org.rlmworkbench.runner.problem;

/**
 * One dataset instance: a stable id, the text {@link Problem#parseInstance} reads, the gold answer
 * where known ({@code null} otherwise) and a difficulty (NaN where the problem has none).
 */
public record Instance(String id, String text, String gold, double difficulty) {
}
