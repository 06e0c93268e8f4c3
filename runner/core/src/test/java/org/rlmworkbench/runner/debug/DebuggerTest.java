package org.rlmworkbench.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.OperatorLeft;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.trace.GraphReplayer;

class DebuggerTest {
    private final List<RunEvent> seen = new CopyOnWriteArrayList<>();
    private Debugger debugger;

    private Debugger start(String scheme, String instance, int budget) {
        Interpreter in = new Interpreter(BuiltinSchemes.load(scheme), new SumProblem(), Models.problemNative());
        debugger = new Debugger(in, instance, new RunSettings(9, budget));
        debugger.addListener(seen::add);
        return debugger;
    }

    @AfterEach
    void stop() {
        if (debugger != null) {
            debugger.close();
        }
    }

    /** Events as trace lines: records holding arrays compare by content this way. */
    private static List<String> lines(List<RunEvent> events) {
        return events.stream().map(org.rlmworkbench.runner.trace.TraceJson::toLine).toList();
    }

    private RunEvent last() {
        return seen.get(seen.size() - 1);
    }

    @Test
    void stepEventDeliversExactlyOneEventAtATime() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        for (int i = 1; i <= 25; i++) {
            d.stepEvent();
            assertThat(d.awaitStop(5000)).isEqualTo(DebugState.PAUSED);
            assertThat(seen).hasSize(i);
            assertThat(d.eventCount()).isEqualTo(i);
        }
    }

    @Test
    void stepOperatorStopsWhenAStepEnds() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        for (int i = 0; i < 10; i++) {
            d.stepOperator();
            d.awaitStop(5000);
            assertThat(last()).isInstanceOf(OperatorLeft.class);
        }
        long entered = seen.stream().filter(e -> e instanceof OperatorEntered).count();
        assertThat(entered).isEqualTo(10);
    }

    @Test
    void stepIterationMovesOneLoopIterationAtATime() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        List<Integer> iterations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            d.stepIteration();
            d.awaitStop(5000);
            if (i > 0) {
                assertThat(last()).isInstanceOf(LoopIteration.class);
                iterations.add(((LoopIteration) last()).iteration());
            }
        }
        assertThat(iterations).containsExactly(2, 3, 4, 5);
    }

    @Test
    void playStopsAtABreakpointOnBackpropagate() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        d.setBreakpoint("backprop", true);
        d.play();
        assertThat(d.awaitStop(5000)).isEqualTo(DebugState.PAUSED);
        assertThat(last()).isInstanceOfSatisfying(OperatorEntered.class,
                e -> assertThat(e.nodeId()).isEqualTo("backprop"));
        d.play();
        d.awaitStop(5000);
        assertThat(seen.stream().filter(e -> e instanceof OperatorEntered oe && oe.nodeId().equals("backprop")))
                .hasSize(2);
    }

    @Test
    void playRunsToTheEndWithoutBreakpoints() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 30); // the whole tree of "20 3" is known after 40
        d.play();
        assertThat(d.awaitStop(10000)).isEqualTo(DebugState.FINISHED);
        assertThat(last()).isInstanceOf(RunFinished.class);
        assertThat(d.result().iterations()).isEqualTo(30);
    }

    @Test
    void breakOnSolutionStopsWhenTheVerifierAccepts() throws Exception {
        Debugger d = start("mcts-uct", "7 3", 500);
        d.setBreakOnSolution(true);
        d.play();
        assertThat(d.awaitStop(5000)).isEqualTo(DebugState.PAUSED);
        assertThat(last()).isInstanceOf(org.rlmworkbench.runner.event.SolutionFound.class);
    }

    @Test
    void aConditionBreakpointStopsWhenANodeIsSelected() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        d.setCondition("node 5 selected", Debugger.nodeSelected(5));
        d.play();
        assertThat(d.awaitStop(5000)).isEqualTo(DebugState.PAUSED);
        assertThat(last()).isInstanceOfSatisfying(org.rlmworkbench.runner.event.NodeSelected.class,
                e -> assertThat(e.chosen()).isEqualTo(5));
    }

    @Test
    void seekingBackReplaysToTheSameEarlierGraph() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 50);
        d.play();
        d.awaitStop(10000);
        List<RunEvent> full = d.events();
        d.seek(120);
        assertThat(d.awaitStop(5000)).isEqualTo(DebugState.PAUSED);
        assertThat(d.eventCount()).isEqualTo(121);
        assertThat(lines(d.events())).isEqualTo(lines(full.subList(0, 121)));
        assertThat(GraphReplayer.rebuild(d.events(), new SumProblem()).nodes())
                .isEqualTo(GraphReplayer.rebuild(full.subList(0, 121), new SumProblem()).nodes());
        // and stepping goes on from there
        d.stepEvent();
        d.awaitStop(5000);
        assertThat(lines(d.events())).isEqualTo(lines(full.subList(0, 122)));
    }

    @Test
    void cancelEndsTheRun() throws Exception {
        Debugger d = start("mcts-uct", "20 3", 100_000);
        d.setDelayMillis(1);
        d.play();
        Thread.sleep(50);
        d.cancel();
        assertThat(d.state()).isEqualTo(DebugState.CANCELLED);
        assertThat(last()).isInstanceOfSatisfying(RunFinished.class,
                e -> assertThat(e.reason()).isEqualTo("cancelled"));
    }
}
