package org.rlmworkbench.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.endpoint.EndpointApi;
import org.rlmworkbench.runner.endpoint.EndpointsFile;
import org.rlmworkbench.runner.endpoint.ProbeStore;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.serve.OpenAiServer;

/** The endpoints dialog's model: add, edit, rename, remove, probe; the key shown only as its variable. */
class EndpointsModelTest {
    private static final String KEY = "sk-live-5e1f0c77aa";
    private static final Function<String, String> ENV = v -> v.equals("MY_KEY") ? KEY : null;

    @TempDir
    Path dir;

    @Test
    void addsEditsRenamesAndRemovesSavingEachTime() throws Exception {
        Path f = dir.resolve("endpoints.json");
        EndpointsModel m = new EndpointsModel(f, ENV);
        m.startNew();
        m.name().set("ollama");
        m.baseUrl().set("http://127.0.0.1:11434/v1");
        m.model().set("llama3.1:8b");
        m.keyEnv().set("MY_KEY");
        assertThat(m.keyStatus().get()).isEqualTo("$MY_KEY is set");
        assertThat(m.apply()).isTrue();
        assertThat(EndpointsFile.load(f).find("ollama").orElseThrow().api()).isEqualTo(EndpointApi.CHAT);
        assertThat(Files.readString(f)).contains("\"api_key_env\" : \"MY_KEY\"").doesNotContain(KEY);

        m.name().set("ollama-small");
        m.maxConcurrency().set("2");
        assertThat(m.apply()).isTrue();
        assertThat(EndpointsFile.load(f).endpoints()).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("ollama-small"))
                .satisfies(e -> assertThat(e.maxConcurrency()).isEqualTo(2));
        assertThat(m.names()).containsExactly("ollama-small");

        m.keyEnv().set("UNSET_VAR");
        assertThat(m.keyStatus().get()).isEqualTo("$UNSET_VAR is not set");
        m.keyEnv().set("");
        assertThat(m.keyStatus().get()).isEqualTo("no key");

        assertThat(m.remove()).isTrue();
        assertThat(EndpointsFile.load(f).endpoints()).isEmpty();
        assertThat(m.names()).isEmpty();
    }

    @Test
    void editingInTheDialogKeepsFieldsItHasNoControlFor() throws Exception {
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, "{\"owner\": \"lab\", \"endpoints\": [{\"name\": \"vllm\", \"base_url\": \"http://h:8000/v1\","
                + " \"model\": \"qwen\", \"top_p\": 0.95, \"comment\": \"rack 3\", \"extra_body\": {\"min_p\": 0.05}},"
                + " {\"name\": \"other\", \"base_url\": \"http://h:9000/v1\", \"model\": \"x\", \"note\": \"keep me\"}]}");
        EndpointsModel m = new EndpointsModel(f, ENV);
        m.select("vllm");
        m.name().set("vllm-big");
        m.maxConcurrency().set("16");
        assertThat(m.apply()).as(m.message().get()).isTrue();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(f));
        assertThat(root.path("owner").asText()).isEqualTo("lab");
        var e = root.path("endpoints").get(0);
        assertThat(e.path("name").asText()).isEqualTo("vllm-big");
        assertThat(e.path("max_concurrency").asInt()).isEqualTo(16);
        assertThat(e.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(e.path("comment").asText()).isEqualTo("rack 3");
        assertThat(e.path("extra_body").path("min_p").asDouble()).isEqualTo(0.05);
        assertThat(root.path("endpoints").get(1).path("note").asText()).isEqualTo("keep me");
        m.select("other");
        assertThat(m.remove()).isTrue();
        assertThat(Files.readString(f)).doesNotContain("keep me").contains("rack 3").contains("\"owner\"");
    }

    @Test
    void aBadFieldIsNamedAndNothingIsSaved() throws Exception {
        Path f = dir.resolve("endpoints.json");
        EndpointsModel m = new EndpointsModel(f, ENV);
        m.startNew();
        m.name().set("x");
        m.model().set("m");
        m.timeout().set("soon");
        assertThat(m.apply()).isFalse();
        assertThat(m.message().get()).isEqualTo("timeout_seconds: expected a number, got 'soon'");
        m.timeout().set("60");
        m.baseUrl().set("localhost:8000");
        assertThat(m.apply()).isFalse();
        assertThat(m.message().get()).contains("base_url: expected http:// or https://");
        m.baseUrl().set("http://localhost:8000/v1");
        m.keyEnv().set(KEY);
        assertThat(m.apply()).isFalse();
        assertThat(m.message().get()).contains("api_key_env").doesNotContain(KEY);
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void probesAServeInstanceAndStoresTheReportBesideTheFile() throws Exception {
        LanguageModel echo = new LanguageModel() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public PromptStyle promptStyle() {
                return PromptStyle.STATE;
            }

            @Override
            public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) {
                return batch.stream().map(r -> {
                    List<Completion.Sample> s = new java.util.ArrayList<>();
                    for (int i = 0; i < r.n(); i++) {
                        s.add(new Completion.Sample("s" + (r.seed() + i), -1.0, "stop", 2));
                    }
                    return new Completion(s, 3, 2 * r.n());
                }).toList();
            }
        };
        try (OpenAiServer server = OpenAiServer.start(Map.of("echo-lm", echo), "127.0.0.1", 0)) {
            Path f = dir.resolve("endpoints.json");
            EndpointsModel m = new EndpointsModel(f, ENV);
            m.startNew();
            m.name().set("local");
            m.baseUrl().set(server.baseUrl("127.0.0.1"));
            m.model().set("echo-lm");
            m.api().set("completions");
            m.promptStyle().set("state");
            assertThat(m.apply()).isTrue();
            CompletableFuture<String> done = new CompletableFuture<>();
            m.probe(done::complete);
            String text = done.get(30, TimeUnit.SECONDS);
            assertThat(text).contains("models echo-lm").contains("n honoured").contains("logprobs given")
                    .contains("seed repeats");
            assertThat(ProbeStore.beside(f).load().get("local").models()).containsExactly("echo-lm");
            EndpointsModel reopened = new EndpointsModel(f, ENV);
            reopened.select("local");
            assertThat(reopened.message().get()).startsWith("Probed ");
            assertThat(reopened.promptStyle().get()).isEqualTo("state");
        }
    }
}
