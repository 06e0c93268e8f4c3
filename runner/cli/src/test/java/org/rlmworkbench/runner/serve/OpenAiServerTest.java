package org.rlmworkbench.runner.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointApi;
import org.rlmworkbench.runner.endpoint.NSupport;
import org.rlmworkbench.runner.endpoint.OpenAiCompatibleModel;
import org.rlmworkbench.runner.endpoint.RetrySettings;
import org.rlmworkbench.runner.endpoint.ServerSupport;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.PromptStyle;

/** {@code serve}'s HTTP face: OpenAI's schema, its errors, batching, and the client reading it back. */
class OpenAiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model whose every text is a function of prompt, seed and sample index; it records its batch sizes. */
    static final class FakeLm implements LanguageModel {
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final long sleepMillis;

        FakeLm(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public PromptStyle promptStyle() {
            return PromptStyle.STATE;
        }

        @Override
        public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) {
            batchSizes.add(batch.size());
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<Completion> out = new ArrayList<>();
            for (CompletionRequest r : batch) {
                List<Completion.Sample> s = new ArrayList<>();
                for (int i = 0; i < r.n(); i++) {
                    String text = r.prompt().toUpperCase() + " #" + Long.toHexString(r.seed() * 31 + i) + "\nrest";
                    s.add(new Completion.Sample(text, -0.5 * (i + 1), "length", text.length()));
                }
                out.add(new Completion(s, r.prompt().length(), s.stream().mapToInt(Completion.Sample::tokens).sum()));
            }
            return out;
        }
    }

    private FakeLm fake;
    private OpenAiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeLm(0);
        server = OpenAiServer.start(Map.of("game24-lm", fake), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String route, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl("127.0.0.1") + route))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void completionsFollowOpenAisSchema() throws Exception {
        HttpResponse<String> r = post("/completions", "{\"model\":\"game24-lm\",\"prompt\":\"4 6 8 2\",\"n\":2,"
                + "\"seed\":5,\"logprobs\":1,\"max_tokens\":40,\"stop\":[\"\\n\"],\"temperature\":0.7}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode o = JSON.readTree(r.body());
        assertThat(o.get("id").asText()).startsWith("cmpl-");
        assertThat(o.get("object").asText()).isEqualTo("text_completion");
        assertThat(o.get("created").isIntegralNumber()).isTrue();
        assertThat(o.get("model").asText()).isEqualTo("game24-lm");
        JsonNode c0 = o.get("choices").get(0);
        assertThat(c0.get("index").asInt()).isZero();
        // cut at the stop sequence, which makes the finish reason "stop"
        assertThat(c0.get("text").asText()).isEqualTo("4 6 8 2 #" + Long.toHexString(5 * 31));
        assertThat(c0.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(c0.get("logprobs").get("token_logprobs").get(0).asDouble()).isEqualTo(-0.5);
        assertThat(o.get("choices").get(1).get("index").asInt()).isEqualTo(1);
        assertThat(o.get("usage").get("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(o.get("usage").get("total_tokens").asInt())
                .isEqualTo(7 + o.get("usage").get("completion_tokens").asInt());
    }

    @Test
    void chatAnswersAnAssistantMessage() throws Exception {
        JsonNode o = JSON.readTree(post("/chat/completions", "{\"model\":\"game24-lm\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"1 2 3 4\"}],\"seed\":1,\"logprobs\":true}").body());
        assertThat(o.get("object").asText()).isEqualTo("chat.completion");
        JsonNode c0 = o.get("choices").get(0);
        assertThat(c0.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(c0.get("message").get("content").asText()).startsWith("1 2 3 4 #1f");
        assertThat(c0.get("logprobs").get("content").get(0).get("logprob").asDouble()).isEqualTo(-0.5);
    }

    @Test
    void modelsListsTheServedIds() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl("127.0.0.1") + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode o = JSON.readTree(r.body());
        assertThat(o.get("object").asText()).isEqualTo("list");
        assertThat(o.get("data").get(0).get("id").asText()).isEqualTo("game24-lm");
        assertThat(o.get("data").get(0).get("object").asText()).isEqualTo("model");
    }

    @Test
    void badRequestsGetOpenAiErrorObjectsAndStatuses() throws Exception {
        assertError(post("/completions", "{\"model\":\"gpt-4\",\"prompt\":\"x\"}"), 404, "model_not_found", "model",
                "serves: game24-lm");
        assertError(post("/completions", "{\"model\":\"game24-lm\",\"prompt\":\"x\",\"n\":0}"), 400, null, "n",
                "between 1 and 128");
        assertError(post("/completions", "{\"model\":\"game24-lm\",\"prompt\":\"x\",\"temperature\":\"hot\"}"), 400,
                null, "temperature", "number");
        assertError(post("/completions", "{\"model\":\"game24-lm\"}"), 400, null, "prompt", "prompt");
        assertError(post("/completions", "{\"model\":\"game24-lm\",\"prompt\":\"x\""), 400, null, null, "not valid JSON");
        assertError(post("/chat/completions", "{\"model\":\"game24-lm\",\"messages\":[]}"), 400, null, "messages",
                "messages");
        assertError(post("/embeddings", "{}"), 404, "unknown_url", null, "/v1/embeddings");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl("127.0.0.1")
                + "/completions")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(get, 405, "method_not_allowed", null, "use POST");
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String param, String text)
            throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e.get("message").asText()).contains(text);
        assertThat(e.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(e.get("param").isNull() ? null : e.get("param").asText()).isEqualTo(param);
        assertThat(e.get("code").isNull() ? null : e.get("code").asText()).isEqualTo(code);
    }

    @Test
    void theClientGetsWhatTheModelGivesAcrossHttp() throws Exception {
        Endpoint ep = Endpoint.of("local", server.baseUrl("127.0.0.1"), "game24-lm", EndpointApi.COMPLETIONS);
        CompletionRequest req = new CompletionRequest("4 6 8 2", 3, 0.8, 30, List.of(), 42);
        try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, RetrySettings.DEFAULT, k -> null)) {
            Completion viaHttp = lm.complete(List.of(req), CancelToken.none()).get(0);
            Completion direct = new FakeLm(0).complete(List.of(req), CancelToken.none()).get(0);
            // per-sample token counts are not in OpenAI's schema; everything else comes through unchanged
            assertThat(viaHttp.samples()).extracting(Completion.Sample::text, Completion.Sample::logProb,
                    Completion.Sample::finishReason).containsExactlyElementsOf(direct.samples().stream()
                    .map(x -> org.assertj.core.groups.Tuple.tuple(x.text(), x.logProb(), x.finishReason())).toList());
            assertThat(viaHttp.promptTokens()).isEqualTo(direct.promptTokens());
            assertThat(viaHttp.completionTokens()).isEqualTo(direct.completionTokens());
            assertThat(lm.support().n()).isEqualTo(NSupport.HONOURED);
            assertThat(lm.support().logprobs()).isTrue();
        }
    }

    @Test
    void theClientNamesTheModelsServeHasWhenAskedForAnother() {
        Endpoint ep = Endpoint.of("local", server.baseUrl("127.0.0.1"), "llama3", EndpointApi.CHAT);
        try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, RetrySettings.DEFAULT, k -> null)) {
            assertThatThrownBy(() -> lm.complete(List.of(new CompletionRequest("x", 1, 0, 4, List.of(), 0)),
                    CancelToken.none())).hasMessageContaining("does not serve model 'llama3'")
                    .hasMessageContaining("it serves: game24-lm");
        }
    }

    @Test
    void concurrentRequestsShareModelCalls() throws Exception {
        server.close();
        FakeLm slow = new FakeLm(40);
        server = OpenAiServer.start(Map.of("game24-lm", slow), "127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> fs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int k = i;
                fs.add(pool.submit(() -> post("/completions", "{\"model\":\"game24-lm\",\"prompt\":\"p" + k
                        + "\",\"stop\":\"\\n\",\"seed\":" + k + "}")));
            }
            for (int i = 0; i < fs.size(); i++) {
                JsonNode o = JSON.readTree(fs.get(i).get().body());
                // each request gets its own answer back, whatever batch it rode in
                assertThat(o.get("choices").get(0).get("text").asText()).isEqualTo("P" + i + " #" + Long.toHexString(i * 31L));
            }
        } finally {
            pool.shutdownNow();
        }
        long[] counts = server.batchCounts().get("game24-lm");
        assertThat(counts[1]).isEqualTo(32);
        assertThat(counts[0]).isLessThan(32);
        assertThat(slow.batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(1);
    }
}
