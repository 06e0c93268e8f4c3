package org.rlmworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Import: an imported ToT tree in the graph view, and the timeline stepping through its BFS steps. */
@ExtendWith(ApplicationExtension.class)
class ImportInAppTest {
    private static final Path REAL = Path.of("../runner/core/src/test/resources/org/rlmworkbench/runner/importer/tot/logs/"
            + "game24/gpt-4_0.7_propose1_value3_greedy5_start900_end1000.json");
    private MainController c;

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchApp app = new WorkbenchApp();
        app.start(stage);
        c = app.controller();
    }

    private <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anImportedToTTreeOpensAtItsEndAndStepsThroughItsBfsSteps() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.sampleLoaded());
        assertThat(fx(() -> c.importTrees(REAL, 0))).isTrue();
        // 1 root + 12 + 35 + 19 + 14 proposals
        assertThat(fx(() -> c.graphModel().size())).isEqualTo(81);
        assertThat(c.imported().position()).isEqualTo(c.imported().end());

        int[] sizes = new int[6];
        fx(() -> {
            c.imported().seek(0);
            for (int i = 0; i < sizes.length; i++) {
                c.stepIteration();
                sizes[i] = c.graphModel().size();
            }
            return null;
        });
        assertThat(sizes).containsExactly(1, 13, 48, 67, 81, 81);
        assertThat(fx(() -> c.graphModel().graph().isSolved(c.graphModel().size() - 14))).isTrue();
    }

    @Test
    void aFileOfNoFormatLeavesTheWindowAsItWas(@TempDir Path dir) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.sampleLoaded());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"hello\": 1}");
        int before = fx(() -> c.graphModel().size());
        assertThat(fx(() -> c.importTrees(bad, null))).isFalse();
        assertThat(c.imported()).isNull();
        assertThat(fx(() -> c.graphModel().size())).isEqualTo(before);
    }
}
