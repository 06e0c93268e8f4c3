package org.rlmworkbench.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.endpoint.Outage;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCatalog;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.serve.OpenAiServer;

/**
 * The endpoints file as Writer/Judge choices: listed in the catalogue, called over real HTTP, counted
 * while in flight, paused at the gate when the server fails and finished after Resume; a file saved
 * again takes removed endpoints off the pickers.
 */
class EndpointRegistryTest {

    @TempDir
    Path dir;

    /** Answers "s<seed>" once let through; fails (HTTP 500 from serve) while {@code down} is set. */
    private static final class Gated implements LanguageModel {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public PromptStyle promptStyle() {
            return PromptStyle.STATE;
        }

        @Override
        public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) {
            if (down.get()) {
                throw new IllegalStateException("CUDA error: out of memory");
            }
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.stream().map(r -> new Completion(List.of(new Completion.Sample("s" + r.seed(), -1.0, "stop", 2)),
                    3, 2)).toList();
        }
    }

    @Test
    void endpointsBecomeChoicesThatAreCountedInFlightAndPauseOnAnOutage() throws Exception {
        Gated model = new Gated();
        try (OpenAiServer server = OpenAiServer.start(Map.of("gated-lm", model), "127.0.0.1", 0)) {
            Path file = dir.resolve("endpoints.json");
            Files.writeString(file, "{\"endpoints\": [{\"name\": \"box\", \"base_url\": \"" + server.baseUrl("127.0.0.1")
                    + "\", \"model\": \"gated-lm\", \"api\": \"completions\", \"prompt_style\": \"state\","
                    + " \"max_concurrency\": 4, \"timeout_seconds\": 30},"
                    + " {\"name\": \"spare\", \"base_url\": \"http://127.0.0.1:9/v1\", \"model\": \"m\"}]}");
            ModelCatalog catalog = new ModelCatalog();
            try (EndpointRegistry registry = new EndpointRegistry(catalog, v -> null)) {
                assertThat(registry.load(file)).containsExactly("box", "spare");
                assertThat(catalog.languageModelNames()).containsSubsequence("none", "box", "spare");
                List<Integer> seen = new CopyOnWriteArrayList<>();
                registry.onInFlight(seen::add);
                List<Optional<Outage>> outages = new CopyOnWriteArrayList<>();
                registry.onOutage(outages::add);

                LanguageModel writer = catalog.resolve(ModelChoice.NATIVE.withWriter("box")).writer();
                List<CompletionRequest> batch = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    batch.add(new CompletionRequest("4 6 8 2", 1, 1.0, 16, List.of(), 10 + i));
                }
                CompletableFuture<List<Completion>> call = CompletableFuture.supplyAsync(() -> complete(writer, batch));
                assertThat(model.entered.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(registry.inFlight()).isEqualTo(3);
                model.release.countDown();
                assertThat(call.get(30, TimeUnit.SECONDS)).extracting(c -> c.samples().get(0).text())
                        .containsExactly("s10", "s11", "s12");
                assertThat(registry.inFlight()).isZero();
                assertThat(seen).containsExactly(3, 0);

                // the server fails: the call waits at the gate, naming the endpoint and the cause
                model.down.set(true);
                CompletableFuture<List<Completion>> paused = CompletableFuture.supplyAsync(() -> complete(writer,
                        List.of(batch.get(0))));
                long t0 = System.nanoTime();
                while (registry.outage().isEmpty()) {
                    assertThat(System.nanoTime() - t0).as("paused within 60 s").isLessThan(60_000_000_000L);
                    Thread.sleep(50);
                }
                assertThat(registry.outage().orElseThrow().message()).contains("endpoint 'box'").contains("500")
                        .contains("CUDA error");
                assertThat(paused).isNotDone();
                assertThat(registry.inFlight()).as("a paused call is not in flight").isZero();
                model.down.set(false);
                registry.resume();
                assertThat(paused.get(30, TimeUnit.SECONDS).get(0).samples().get(0).text()).isEqualTo("s10");
                assertThat(outages).hasSize(2);
                assertThat(outages.get(0)).isPresent();
                assertThat(outages.get(1)).isEmpty();

                // the file saved without "spare": it leaves the pickers, "box" stays
                Files.writeString(file, Files.readString(file).replaceAll(",\\s*\\{\"name\": \"spare\"[^}]*}", ""));
                assertThat(registry.load(file)).containsExactly("box");
                assertThat(catalog.languageModelNames()).contains("box").doesNotContain("spare");
            }
        }
    }

    private static List<Completion> complete(LanguageModel m, List<CompletionRequest> batch) {
        try {
            return m.complete(batch, CancelToken.none());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
