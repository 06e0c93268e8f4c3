package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** ToT's crosswords DFS log opens as a tree of text with the logged letter scores on its nodes. */
class TotCrosswordsDfsTest {

    /** The first five steps of puzzle 0 of ToT's logs/crosswords/infoss_dfs_prune.json, as written there. */
    private static final String FIRST_STEPS = "[{\"total_step\": 0, \"env_step\": 1, \"actions\": [\"h2. motor\"],"
            + " \"info\": {\"r_letter\": 0.2, \"r_word\": 0.1}, \"count\": {\"sure\": 1, \"maybe\": 0, \"impossible\": 0}},"
            + " {\"total_step\": 1, \"env_step\": 2, \"actions\": [\"h2. motor\", \"h1. tasks\"], \"info\": {\"r_letter\": 0.2,"
            + " \"r_word\": 0.1}, \"count\": {\"sure\": 2, \"maybe\": 5, \"impossible\": 0}}, {\"total_step\": 2, \"env_step\": 3,"
            + " \"actions\": [\"h2. motor\", \"h1. tasks\", \"h4. salon\"], \"info\": {\"r_letter\": 0.32, \"r_word\": 0.1},"
            + " \"count\": {\"sure\": 4, \"maybe\": 3, \"impossible\": 1}}, {\"total_step\": 3, \"env_step\": 3, \"actions\":"
            + " [\"h2. motor\", \"h1. tasks\", \"h3. grand\"], \"info\": {\"r_letter\": 0.24, \"r_word\": 0.1}, \"count\":"
            + " {\"sure\": 3, \"maybe\": 5, \"impossible\": 0}}, {\"total_step\": 4, \"env_step\": 4, \"actions\": [\"h2. motor\","
            + " \"h1. tasks\", \"h3. grand\", \"h4. salon\"], \"info\": {\"r_letter\": 0.36, \"r_word\": 0.1}, \"count\":"
            + " {\"sure\": 4, \"maybe\": 0, \"impossible\": 5}}]";

    @Test
    void theDfsPathsBecomeOneTreeWithTheLoggedLetterScores(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("infoss_dfs_prune.json");
        // a second puzzle that the file records as solved (every word right)
        Files.writeString(f, "[" + FIRST_STEPS + ", [{\"actions\": [\"v1. amass\"], \"info\": {\"r_letter\": 1.0,"
                + " \"r_word\": 1.0, \"r_game\": true}}]]");
        ImportResult r = TreeImport.read(f, null);
        assertThat(r.format()).isEqualTo(TreeFormat.TOT);
        assertThat(r.trees()).hasSize(2);

        ImportedTree first = r.trees().get(0);
        ReasoningGraph g = Fixtures.graph(first.events());
        // root + motor + tasks + salon (under tasks) + grand + salon (under grand): the paths share prefixes
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.text(1)).isEqualTo("h2. motor");
        assertThat(g.parent(3)).isEqualTo(2);
        assertThat(g.parent(4)).isEqualTo(2);
        assertThat(g.text(5)).isEqualTo("h4. salon");
        assertThat(g.parent(5)).isEqualTo(4);
        // r_letter in [0, 1] shown as a value in [-1, 1]
        assertThat(g.value(3)).isEqualTo(2 * 0.32 - 1, within(1e-6));
        assertThat(g.value(5)).isEqualTo(2 * 0.36 - 1, within(1e-6));
        assertThat(first.solvedByFile()).isFalse();
        assertThat(((RunFinished) first.events().get(first.events().size() - 1)).bestPath())
                .containsExactly(0, 1, 2, 4, 5);

        ImportedTree second = r.trees().get(1);
        assertThat(second.solvedByFile()).isTrue();
        assertThat(Fixtures.graph(second.events()).isSolved(1)).isTrue();
        assertThat(r.solvedByFile()).isEqualTo(1);
    }

    @Test
    void aStepWithoutActionsIsRefusedByPuzzleAndStep(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("infoss_dfs_prune.json");
        Files.writeString(f, "[[{\"actions\": [\"h1. tasks\"]}, {\"actions\": 7}]]");
        assertThatThrownBy(() -> TreeImport.read(f, TreeFormat.TOT)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("puzzle 0, step 1");
    }
}
