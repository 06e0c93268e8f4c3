package org.rlmworkbench.runner.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training directory resumes only with its own settings; its summaries are JSON. */
class TrainingFilesTest {

    private static TrainingSettings settings() {
        return TrainingSettings.defaults("sum").withPhases(1).withInstances(2, 1).withBudget(12).withEpochs(1, 1)
                .withSizes(32, 16, true, 16, 1);
    }

    @Test
    void otherSettingsAreRefusedWithTheDifferencesListed(@TempDir Path dir) throws Exception {
        StoredSettings.checkOrStore(dir, settings());
        StoredSettings.checkOrStore(dir, settings().withPhases(3)); // more phases continue the same training
        TrainingSettings noLm = settings().withSizes(32, 16, false, 16, 1).withEpochs(1, 5);
        assertThatThrownBy(() -> StoredSettings.checkOrStore(dir, noLm)).isInstanceOf(SettingsMismatchException.class)
                .hasMessageContaining("trainLm true there, false now")
                .hasMessageContaining("lmEpochs 1 there, 5 now")
                .hasMessageContaining("--fresh");
        Files.createDirectories(dir.resolve("phase-1"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        StoredSettings.startOver(dir);
        assertThat(dir.resolve("phase-1")).doesNotExist();
        assertThat(dir.resolve(StoredSettings.FILE)).doesNotExist();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        StoredSettings.checkOrStore(dir, noLm);
    }

    @Test
    void checkpointsWithoutStoredSettingsAreNotResumedBlindly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("phase-1"));
        assertThatThrownBy(() -> StoredSettings.checkOrStore(dir, settings()))
                .hasMessageContaining("holds checkpoints (phase-N) but no settings.json");
    }

    @Test
    void aPhaseSummaryWithAnInfiniteLossIsStillJson() throws Exception {
        String json = TrainingPipeline.completeJson(1, 0.5, 0.25, Double.POSITIVE_INFINITY, Double.NaN, 1.23);
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("policy_loss").isNull()).isTrue();
        assertThat(tree.get("lm_loss").isNull()).isTrue();
        assertThat(tree.get("value_loss").asDouble()).isEqualTo(0.25);
        assertThat(json).doesNotContain("Infinity", "NaN");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> settings().withInstances(2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings().withEpochs(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
