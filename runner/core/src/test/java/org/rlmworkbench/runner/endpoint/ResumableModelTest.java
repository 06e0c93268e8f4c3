package org.rlmworkbench.runner.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.endpoint.ScriptedServer.Reply;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.ModelCallException;

/** An endpoint that goes down mid-call pauses the caller at the gate; Resume asks again. */
class ResumableModelTest {
    private static final CompletionRequest REQ = new CompletionRequest("4 6 8 2", 1, 0.7, 16, List.of(), 3);

    @Test
    void anOutagePausesWithTheEndpointAndCauseAndResumeFinishesTheCall() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (var s = new ScriptedServer(r -> down.get()
                ? Reply.status(503, "{\"error\":{\"message\":\"no GPU available\"}}")
                : Reply.json(ScriptedServer.completions("4 + 8 = 12")))) {
            Endpoint ep = Endpoint.of("gpu-box", s.baseUrl(), "m", EndpointApi.COMPLETIONS);
            OutageGate gate = new OutageGate();
            List<Optional<Outage>> heard = new CopyOnWriteArrayList<>();
            gate.addListener(heard::add);
            try (var client = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, new RetrySettings(2, 10, 2, 0.5, 50),
                    k -> null)) {
                ResumableModel lm = new ResumableModel(client, gate);
                CompletableFuture<List<Completion>> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return lm.complete(List.of(REQ), CancelToken.none());
                    } catch (ModelCallException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long t0 = System.nanoTime();
                while (gate.current().isEmpty() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
                    Thread.sleep(10);
                }
                Outage o = gate.current().orElseThrow();
                assertThat(o.model()).startsWith("gpu-box:m@127.0.0.1:");
                assertThat(o.message()).contains("endpoint 'gpu-box'").contains("HTTP 503: no GPU available");
                assertThat(call).isNotDone();
                int asked = s.completions().size();
                Thread.sleep(200);
                // paused means paused: nobody keeps hammering the server
                assertThat(s.completions()).hasSize(asked);
                down.set(false);
                gate.resume();
                assertThat(call.get(10, TimeUnit.SECONDS).get(0).samples().get(0).text()).isEqualTo("4 + 8 = 12");
                assertThat(gate.current()).isEmpty();
                assertThat(heard).containsExactly(Optional.of(o), Optional.empty());
            }
        }
    }

    @Test
    void stoppingAPausedRunEndsTheCallAsCancelled() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.status(500, "{}"))) {
            Endpoint ep = Endpoint.of("gpu-box", s.baseUrl(), "m", EndpointApi.COMPLETIONS);
            OutageGate gate = new OutageGate();
            try (var client = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, new RetrySettings(1, 10, 2, 0.5, 50),
                    k -> null)) {
                ResumableModel lm = new ResumableModel(client, gate);
                CancelToken stop = new CancelToken();
                CompletableFuture<ModelCallException> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        lm.complete(List.of(REQ), stop);
                        return null;
                    } catch (ModelCallException e) {
                        return e;
                    }
                });
                long t0 = System.nanoTime();
                while (gate.current().isEmpty() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
                    Thread.sleep(10);
                }
                assertThat(gate.current()).isPresent();
                stop.cancel();
                ModelCallException e = call.get(5, TimeUnit.SECONDS);
                assertThat(e).isNotNull();
                assertThat(e.cancelled()).isTrue();
            }
        }
    }
}
