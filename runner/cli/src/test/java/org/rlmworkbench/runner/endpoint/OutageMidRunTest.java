package org.rlmworkbench.runner.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.serve.OpenAiServer;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;
import org.rlmworkbench.runner.trace.TraceJson;

/**
 * A written-steps MCTS run whose writer is an endpoint over real HTTP, and the endpoint goes down
 * in the middle: the run pauses with the endpoint and the cause, loses nothing, and after Resume
 * finishes with the very trace an uninterrupted run writes.
 */
class OutageMidRunTest {

    /** The writer behind the server: fails every call from the {@code failFrom}-th on, while {@code down}. */
    private static final class Flaky implements LanguageModel {
        final SumWriter inner = new SumWriter("sum");
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        final int failFrom;

        Flaky(int failFrom) {
            this.failFrom = failFrom;
        }

        @Override
        public String name() {
            return "sum";
        }

        @Override
        public PromptStyle promptStyle() {
            return PromptStyle.STATE;
        }

        @Override
        public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException {
            if (calls.incrementAndGet() == failFrom) {
                down.set(true);
            }
            if (down.get()) {
                throw new IllegalStateException("CUDA error: an illegal memory access was encountered");
            }
            return inner.complete(batch, cancel);
        }
    }

    private static Scheme writtenMcts() {
        Scheme s = BuiltinSchemes.load("mcts");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
        s = s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
        return s.withNode(s.node("loop").orElseThrow().withParam("iterations", 25));
    }

    private static List<String> run(LanguageModel writer, List<String> lines) {
        Interpreter in = new Interpreter(writtenMcts(), new SumProblem(), Models.problemNative().withWriter(writer));
        RunResult r;
        try {
            r = in.run("20 8", new RunSettings(5, null), List.of(e -> lines.add(withoutLatency(TraceJson.toLine(e)))), null);
        } catch (org.rlmworkbench.runner.problem.InstanceParseException e) {
            throw new IllegalStateException(e);
        }
        lines.add("solved=" + r.solved() + " nodes=" + r.nodes());
        return lines;
    }

    /** Wall-clock latency is the one field of a model call that two live runs cannot share. */
    private static String withoutLatency(String line) {
        return line.replaceAll("\"latencyMs\":[0-9.E-]+", "\"latencyMs\":0");
    }

    @Test
    void anOutagePausesTheRunAndResumeFinishesItAsIfNothingHappened() throws Exception {
        Flaky healthy = new Flaky(Integer.MAX_VALUE);
        List<String> expected;
        int port;
        try (OpenAiServer server = OpenAiServer.start(Map.of("sum-lm", healthy), "127.0.0.1", 0)) {
            port = server.port();
            Endpoint ep = Endpoint.of("box", server.baseUrl("127.0.0.1"), "sum-lm", EndpointApi.COMPLETIONS)
                    .withPromptStyle(PromptStyle.STATE);
            try (var client = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, RetrySettings.DEFAULT, k -> null)) {
                expected = run(client, new CopyOnWriteArrayList<>());
            }
        }
        assertThat(healthy.calls.get()).isGreaterThan(8);

        Flaky flaky = new Flaky(6);
        OutageGate gate = new OutageGate();
        List<String> lines = new CopyOnWriteArrayList<>();
        // the same port, so the model's name (and with it the trace) is the same as the healthy run's
        try (OpenAiServer server = OpenAiServer.start(Map.of("sum-lm", flaky), "127.0.0.1", port)) {
            Endpoint ep = Endpoint.of("box", server.baseUrl("127.0.0.1"), "sum-lm", EndpointApi.COMPLETIONS)
                    .withPromptStyle(PromptStyle.STATE);
            try (var client = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, new RetrySettings(3, 10, 2, 0.5, 50),
                    k -> null)) {
                CompletableFuture<List<String>> running = CompletableFuture.supplyAsync(
                        () -> run(new ResumableModel(client, gate), lines));
                long t0 = System.nanoTime();
                while (gate.current().isEmpty()) {
                    assertThat(running).as("the run ended instead of pausing: " + lines).isNotDone();
                    assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(20));
                    Thread.sleep(10);
                }
                Outage o = gate.current().orElseThrow();
                assertThat(o.message()).contains("endpoint 'box'").contains("HTTP 500")
                        .contains("CUDA error: an illegal memory access was encountered");
                int sofar = lines.size();
                Thread.sleep(300);
                // paused: the tree so far is kept as it was, nothing more happens
                assertThat(lines).hasSize(sofar);
                assertThat(lines).isEqualTo(expected.subList(0, sofar));
                assertThat(sofar).isGreaterThan(0);
                flaky.down.set(false);
                gate.resume();
                List<String> finished = running.get(30, TimeUnit.SECONDS);
                assertThat(finished).isEqualTo(expected);
            }
        }
        assertThat(expected.stream().filter(l -> l.contains("\"type\":\"model_called\"")).count())
                .as("model calls in the trace").isGreaterThan(0);
    }
}
