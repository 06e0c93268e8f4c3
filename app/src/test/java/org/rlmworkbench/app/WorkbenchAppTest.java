package org.rlmworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.debug.DebugState;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real workbench window, driven as a user drives it, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {
    private WorkbenchApp app;
    private MainController c;

    @BeforeAll
    static void isolateConfig(@TempDir Path dir) {
        System.setProperty("rlm.config.dir", dir.toString());
        System.setProperty("java.util.prefs.userRoot", dir.resolve("prefs").toString());
    }

    @Start
    void start(Stage stage) throws Exception {
        app = new WorkbenchApp();
        app.start(stage);
        c = app.controller();
    }

    @BeforeEach
    void loaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.sampleLoaded());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() {
        if (c.session().debugger() != null) {
            c.session().debugger().cancel();
        }
    }

    private void settle() throws Exception {
        c.session().awaitStop(20_000);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** No animation, and the speed slider at its right end: the run goes as fast as it can. */
    static void fullSpeed(FxRobot robot) throws Exception {
        robot.clickOn("#no-animation");
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> speed.setValue(speed.getMax())).get(5, TimeUnit.SECONDS);
    }

    private ReasoningGraph runnerGraph() {
        return c.session().debugger().context().graph();
    }

    @Test
    void firstLaunchHasGame24AndMctsReadyAndPlayGrowsATreeThatMatchesTheRunner(FxRobot robot) throws Exception {
        assertThat(c.session().setup().scheme().name()).isEqualTo("mcts");
        assertThat(c.session().setup().problem()).isEqualTo("game24");
        assertThat(c.session().setup().instance()).isEqualTo(Problems.byId("game24").sampleInstance());
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.session().positionProperty().get() > 60);
        robot.clickOn("#pause");
        settle();
        assertThat(c.session().stateProperty().get()).isIn(DebugState.PAUSED, DebugState.FINISHED);
        ReasoningGraph g = runnerGraph();
        assertThat(g.size()).isGreaterThan(30);
        assertThat(c.graphModel().size()).isEqualTo(g.size());
        assertThat(c.session().positionProperty().get()).isEqualTo(c.session().debugger().eventCount());

        int node = g.children(g.root())[0];
        WaitForAsyncUtils.asyncFx(() -> c.graphView().select(node)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.inspector().visitsProperty().get()).isEqualTo(g.visits(node));
        assertThat(c.inspector().qProperty().get()).isEqualTo(g.q(node));
        assertThat(c.inspector().priorProperty().get()).isEqualTo(g.prior(node));
        ListView<?> narration = robot.lookup("#narration").queryAs(ListView.class);
        assertThat(narration.getItems()).isNotEmpty();
    }

    @Test
    void aBreakpointOnBackpropagateStopsTheRunThere(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> c.editor().model().toggleBreakpoint("backprop")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        fullSpeed(robot);
        robot.clickOn("#play");
        settle();
        assertThat(c.session().stateProperty().get()).isEqualTo(DebugState.PAUSED);
        List<RunEvent> events = c.session().debugger().events();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(OperatorEntered.class,
                e -> assertThat(e.nodeId()).isEqualTo("backprop"));
        assertThat(robot.lookup("#state").queryAs(Label.class).getText()).isEqualTo("paused");
        ListView<?> narration = robot.lookup("#narration").queryAs(ListView.class);
        assertThat(narration.getItems().get(narration.getItems().size() - 1).toString())
                .contains("Backpropagate 'backprop'");
        robot.clickOn("#play");
        settle();
        long backprops = c.session().debugger().events().stream()
                .filter(e -> e instanceof OperatorEntered oe && oe.nodeId().equals("backprop")).count();
        assertThat(backprops).isEqualTo(2);
    }

    @Test
    void draggingTheTimelineBackShowsTheTreeAsItWas(FxRobot robot) throws Exception {
        fullSpeed(robot);
        WaitForAsyncUtils.asyncFx(() -> c.session().setBreakOnNodeSelected(-1)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#step-iteration");
        settle();
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#step-iteration");
            settle();
        }
        List<RunEvent> full = c.session().debugger().events();
        int before = c.graphModel().size();
        long target = full.size() / 3;
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.setValueChanging(true);
            timeline.setValue(target);
            timeline.setValueChanging(false);
        }).get(5, TimeUnit.SECONDS);
        settle();
        int expected = GraphReplayer.rebuild(full.subList(0, (int) target), Problems.byId("game24")).size();
        assertThat(expected).isLessThan(before);
        assertThat(c.graphModel().size()).isEqualTo(expected);
        assertThat(c.session().positionProperty().get()).isEqualTo(target);
        assertThat(runnerGraph().size()).isEqualTo(expected);
        // and stepping goes on from there
        robot.clickOn("#step-event");
        settle();
        assertThat(c.session().positionProperty().get()).isEqualTo(target + 1);
    }

    @Test
    void aBrokenWorkspaceIsRefusedWithAMessageNamingFileAndField(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.rlmw.json");
        Files.writeString(bad, "{\"format\":\"rlm-workbench-workspace\",\"version\":1,\"scheme\":{},"
                + "\"problem\":\"game24\",\"instance\":\"4 6 8 2\",\"seed\":\"seven\"}");
        String schemeBefore = c.editor().model().getScheme().name();
        boolean opened = WaitForAsyncUtils.asyncFx(() -> c.openWorkspace(bad)).get(5, TimeUnit.SECONDS);
        assertThat(opened).isFalse();
        String status = robot.lookup("#status").queryAs(Label.class).getText();
        assertThat(status).contains("bad.rlmw.json").contains("field scheme");
        assertThat(c.editor().model().getScheme().name()).isEqualTo(schemeBefore);

        Files.writeString(bad, "{ not json");
        WaitForAsyncUtils.asyncFx(() -> c.openWorkspace(bad)).get(5, TimeUnit.SECONDS);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("malformed JSON at line 1");

        // a workspace naming an unknown problem never claims it opened
        Path saved = dir.resolve("saved.rlmw.json");
        assertThat(WaitForAsyncUtils.asyncFx(() -> c.saveWorkspace(saved)).get(5, TimeUnit.SECONDS)).isTrue();
        Files.writeString(bad, Files.readString(saved).replace("\"problem\" : \"game24\"", "\"problem\" : \"chess\""));
        assertThat(WaitForAsyncUtils.asyncFx(() -> c.openWorkspace(bad)).get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .contains("field problem: unknown problem 'chess'").doesNotContain("Opened");
    }

    @Test
    void aSavedWorkspaceReopensAtItsLastEvent(FxRobot robot, @TempDir Path dir) throws Exception {
        fullSpeed(robot);
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#step-iteration");
            settle();
        }
        long at = c.session().positionProperty().get();
        int nodes = c.graphModel().size();
        Path f = dir.resolve("w.rlmw.json");
        assertThat(WaitForAsyncUtils.asyncFx(() -> c.saveWorkspace(f)).get(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(c::reset).get(5, TimeUnit.SECONDS);
        settle();
        assertThat(c.graphModel().size()).isZero();
        assertThat(WaitForAsyncUtils.asyncFx(() -> c.openWorkspace(f)).get(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.session().positionProperty().get() == at);
        settle();
        assertThat(c.graphModel().size()).isEqualTo(nodes);
    }

    @Test
    void presentationModeHidesAllButTreeCaptionAndToolbar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> c.setPresentation(true)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-holder").tryQuery()).isEmpty();
        assertThat(robot.lookup("#graph-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#narration").tryQuery()).isEmpty();
        assertThat(robot.lookup("#caption").tryQuery()).isPresent();
        assertThat(robot.lookup("#play").tryQuery()).isPresent();
        assertThat(robot.lookup(".presentation").tryQuery()).isPresent();
        WaitForAsyncUtils.asyncFx(() -> c.setPresentation(false)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-holder").tryQuery()).isPresent();
    }
}
