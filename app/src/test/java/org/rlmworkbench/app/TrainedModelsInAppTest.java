package org.rlmworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.debug.DebugState;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.training.TrainingListener;
import org.rlmworkbench.runner.training.TrainingPipeline;
import org.rlmworkbench.runner.training.TrainingSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Models trained by the pipeline appear in the window's pickers and drive the run. */
@ExtendWith(ApplicationExtension.class)
class TrainedModelsInAppTest {
    @TempDir
    static Path models;
    private MainController c;

    @BeforeAll
    static void trainATinyModel(@TempDir Path config) throws Exception {
        System.setProperty("rlm.config.dir", config.toString());
        TrainingSettings s = TrainingSettings.defaults("game24").withPhases(1).withInstances(12, 4).withBudget(60)
                .withEpochs(2, 1).withSizes(128, 16, false, 16, 1).withSeed(3);
        TrainingPipeline.run(Problems.byId("game24"), s, models, TrainingListener.none(), () -> false);
    }

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchApp app = new WorkbenchApp();
        app.start(stage);
        c = app.controller();
    }

    @Test
    void trainedModelsJoinThePickersAndTheRunUsesThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.sampleLoaded());
        assertThat(WaitForAsyncUtils.asyncFx(() -> c.registerModels(models)).get(30, TimeUnit.SECONDS)).isTrue();
        String valueName = c.valueChoice().getItems().stream().filter(n -> n.startsWith("trained-value"))
                .findFirst().orElseThrow();
        String policyName = c.policyChoice().getItems().stream().filter(n -> n.startsWith("trained-policy"))
                .findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            c.valueChoice().setValue(valueName);
            c.policyChoice().setValue(policyName);
        }).get(5, TimeUnit.SECONDS);
        assertThat(c.session().setup().models().value()).isEqualTo(valueName);
        robot.clickOn("#no-animation");
        robot.clickOn("#run-to-breakpoint");
        c.session().awaitStop(60_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.session().stateProperty().get()).isEqualTo(DebugState.FINISHED);
        assertThat(c.session().debugger().events()).filteredOn(e -> e instanceof ValuesComputed)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(((ValuesComputed) e).source()).isEqualTo("value"));

        boolean refused = WaitForAsyncUtils.asyncFx(() -> c.registerModels(models.resolve("missing")))
                .get(5, TimeUnit.SECONDS);
        assertThat(refused).isFalse();
    }
}
