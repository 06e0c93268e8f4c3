package org.rlmworkbench.runner.importer;

import java.util.List;
import java.util.Objects;

/** The trees of one imported file with the file's totals. */
public record ImportResult(TreeFormat format, List<ImportedTree> trees, Usage usage) {

    /** Token counts and cost; each null when the format does not record it. */
    public record Usage(Long promptTokens, Long completionTokens, Double cost) {
    }

    public ImportResult {
        trees = List.copyOf(trees);
        Objects.requireNonNull(usage);
    }

    public int nodes() {
        return trees.stream().mapToInt(ImportedTree::nodes).sum();
    }

    /** Trees the file records as solved; null when the file records no verdict for any tree. */
    public Integer solvedByFile() {
        return count(trees.stream().map(ImportedTree::solvedByFile).toList());
    }

    /** Trees the workbench's verifier accepts; null when it has no verifier for any tree. */
    public Integer solvedByVerifier() {
        return count(trees.stream().map(ImportedTree::solvedByVerifier).toList());
    }

    private static Integer count(List<Boolean> verdicts) {
        if (verdicts.stream().allMatch(Objects::isNull)) {
            return null;
        }
        return (int) verdicts.stream().filter(Boolean.TRUE::equals).count();
    }
}
