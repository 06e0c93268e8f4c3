package org.rlmworkbench.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.model.ScriptedLanguageModel;
import org.rlmworkbench.runner.toy.SumProblem;

/**
 * Stop while a model call blocks: the call ends through the run's cancel token, and even a model
 * that ignores the token cannot hold Stop past a second or reach the listeners afterwards. The
 * bounds asserted here are the contract of Stop (generous: a second and a half), not a benchmark.
 */
class StopWhileModelCallBlocksTest {

    /** Blocks until the test releases it, ignoring its cancel token: the worst a remote client can do. */
    static final class StuckWriter implements LanguageModel {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public PromptStyle promptStyle() {
            return PromptStyle.STATE;
        }

        @Override
        public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.countDown();
            return batch.stream().map(r -> new Completion(
                    java.util.Collections.nCopies(r.n(), ScriptedLanguageModel.sample("0 + 1 = 1")), 1, r.n())).toList();
        }
    }

    private static Debugger debugger(LanguageModel writer, List<RunEvent> seen) {
        Interpreter in = new Interpreter(ReplayFromRecordingTest.writtenMcts(), new SumProblem(),
                Models.problemNative().withWriter(writer));
        Debugger d = new Debugger(in, "20 8", new RunSettings(3, 25));
        d.addListener(seen::add);
        return d;
    }

    @Test
    void stopEndsACallThatHonoursItsTokenAtOnceAndTheRunEndsCancelled() throws Exception {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        LanguageModel slow = new ScriptedLanguageModel("slow", PromptStyle.STATE, Map.of(),
                List.of(ScriptedLanguageModel.sample("0 + 1 = 1")), false, 60_000);
        try (Debugger d = debugger(slow, seen)) {
            d.play();
            Thread.sleep(300);
            long t0 = System.nanoTime();
            d.cancel();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(seconds).isLessThan(1.5);
            assertThat(d.state()).isEqualTo(DebugState.CANCELLED);
            assertThat(seen.get(seen.size() - 1)).isInstanceOfSatisfying(RunFinished.class,
                    f -> assertThat(f.reason()).isEqualTo("cancelled"));
        }
    }

    @Test
    void stopReturnsWithinASecondEvenWhenTheCallIgnoresItsTokenAndNoLateEventReachesTheListeners()
            throws Exception {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        StuckWriter stuck = new StuckWriter();
        try (Debugger d = debugger(stuck, seen)) {
            d.play();
            assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            d.cancel();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(seconds).isLessThan(1.5);
            assertThat(d.state()).isEqualTo(DebugState.CANCELLED);
            int before = seen.size();
            stuck.release.countDown();
            assertThat(stuck.returned.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(seen).hasSize(before);
            assertThat(d.state()).isEqualTo(DebugState.CANCELLED);
        }
    }
}
