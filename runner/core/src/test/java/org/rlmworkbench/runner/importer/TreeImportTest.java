package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing the format, and refusing what fits none with what was expected and what was found. */
class TreeImportTest {

    @Test
    void aFileThatFitsNoFormatIsRefusedWithEveryExpectationAndWhatItHolds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("other.json");
        Files.writeString(f, "{\"nodes\": [1, 2], \"score\": 3}");
        assertThatThrownBy(() -> TreeImport.read(f, null)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("fits none")
                .hasMessageContaining("tot:").hasMessageContaining("llm-reasoners:").hasMessageContaining("x1:")
                .hasMessageContaining("got:").hasMessageContaining("an object with keys [nodes, score]");
    }

    @Test
    void aNamedFormatThatDoesNotFitIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("got.json");
        Files.writeString(f, GotImporterTest.SORTING);
        assertThatThrownBy(() -> TreeImport.read(f, TreeFormat.X1)).hasMessageContaining("is not a x1 MCTS tree")
                .hasMessageContaining("reasoning_step").hasMessageContaining("a list of 5");
    }

    @Test
    void notJsonMissingAndEmptyFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "[{\"ys\": [\"a\"], ");
        assertThatThrownBy(() -> TreeImport.read(f, null)).hasMessageContaining("broken.json is not JSON")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> TreeImport.read(dir.resolve("nothing.json"), null))
                .hasMessageContaining("nothing.json: no such file");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> TreeImport.read(empty, null)).hasMessageContaining("empty.json is empty");
    }

    @Test
    void pythonsNaNAndInfinityAreRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tree_log.json");
        Files.writeString(f, """
            {"logs": [{"nodes": {"0": {"id": 0, "data": {}, "selected_edge": 0},
                                 "1": {"id": 1, "data": {}, "selected_edge": null}},
                       "edges": {"0": {"id": 0, "source": 0, "target": 1, "data": {"Q": -Infinity, "reward": NaN}}}}]}
            """);
        ImportResult r = TreeImport.read(f, null);
        assertThat(r.nodes()).isEqualTo(2);
        assertThat(Fixtures.graph(r.trees().get(0).events()).value(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
