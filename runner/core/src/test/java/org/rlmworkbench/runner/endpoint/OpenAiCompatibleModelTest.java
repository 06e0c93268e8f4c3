package org.rlmworkbench.runner.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.endpoint.ScriptedServer.Reply;
import org.rlmworkbench.runner.endpoint.ScriptedServer.Request;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.ModelCallException;

/** The client against a scripted loopback server: each way a real server differs or fails. */
class OpenAiCompatibleModelTest {
    private static final String KEY = "sk-planted-7f3a9c2e";
    private static final RetrySettings FAST = new RetrySettings(3, 50, 2.0, 0.5, 5_000);
    private static final Function<String, String> ENV = v -> v.equals("LOCAL_KEY") ? KEY : null;

    private static CompletionRequest req(int n) {
        return new CompletionRequest("4 6 8 2", n, 0.7, 16, List.of("\n"), 11);
    }

    private static OpenAiCompatibleModel client(ScriptedServer s, EndpointApi api) {
        Endpoint ep = Endpoint.of("local", s.baseUrl(), "game24-lm", api).withApiKeyEnv("LOCAL_KEY").withTimeoutSeconds(5);
        return new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, FAST, ENV);
    }

    @Test
    void readsChoicesUsageAndSendsTheKeyAndNoNullFields() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("4 + 8 = 12", "6 * 2 = 12")));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            Completion c = lm.complete(List.of(req(2)), CancelToken.none()).get(0);
            assertThat(c.samples()).extracting(Completion.Sample::text).containsExactly("4 + 8 = 12", "6 * 2 = 12");
            assertThat(c.promptTokens()).isEqualTo(7);
            assertThat(c.completionTokens()).isEqualTo(6);
            Request r = s.completions().get(0);
            assertThat(r.path()).isEqualTo("/v1/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
            JsonNode body = r.json();
            assertThat(body.get("n").asInt()).isEqualTo(2);
            assertThat(body.get("seed").asLong()).isEqualTo(11);
            assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
            assertThat(body.get("stop").get(0).asText()).isEqualTo("\n");
            assertThat(body.get("prompt").asText()).isEqualTo("4 6 8 2");
            body.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as(f.getKey()).isFalse());
            assertThat(body.has("top_p")).isFalse();
        }
    }

    @Test
    void chatSendsOneUserMessageAndSumsTokenLogprobs() throws Exception {
        String chat = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"8 * 3 = 24\"},"
                + "\"finish_reason\":\"stop\",\"logprobs\":{\"content\":[{\"token\":\"8\",\"logprob\":-0.5},"
                + "{\"token\":\" * 3 = 24\",\"logprob\":-0.25}]}}]}";
        try (var s = new ScriptedServer(r -> Reply.json(chat)); var lm = client(s, EndpointApi.CHAT)) {
            Completion c = lm.complete(List.of(req(1)), CancelToken.none()).get(0);
            assertThat(c.samples().get(0).text()).isEqualTo("8 * 3 = 24");
            assertThat(c.samples().get(0).logProb()).isEqualTo(-0.75);
            assertThat(c.samples().get(0).tokens()).isEqualTo(2);
            JsonNode body = s.completions().get(0).json();
            assertThat(s.completions().get(0).path()).isEqualTo("/v1/chat/completions");
            assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
            assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("4 6 8 2");
            assertThat(body.get("logprobs").asBoolean()).isTrue();
            assertThat(body.has("n")).isFalse();
        }
    }

    @Test
    void completionsLogprobsBecomeTheSampleLogProbability() throws Exception {
        String body = "{\"choices\":[{\"index\":0,\"text\":\"ab\",\"finish_reason\":\"length\",\"logprobs\":"
                + "{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[-1.0,-2.0],\"top_logprobs\":null,\"text_offset\":[0,1]}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}";
        try (var s = new ScriptedServer(r -> Reply.json(body)); var lm = client(s, EndpointApi.COMPLETIONS)) {
            Completion.Sample smp = lm.complete(List.of(req(1)), CancelToken.none()).get(0).samples().get(0);
            assertThat(smp.logProb()).isEqualTo(-3.0);
            assertThat(smp.finishReason()).isEqualTo("length");
            assertThat(lm.support().logprobs()).isTrue();
        }
    }

    @Test
    void waitsForRetryAfterOn429ThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (var s = new ScriptedServer(r -> calls.getAndIncrement() == 0
                ? Reply.status(429, "{\"error\":{\"message\":\"rate limited\"}}").withHeader("Retry-After", "1")
                : Reply.json(ScriptedServer.completions("ok")));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            long t0 = System.nanoTime();
            Completion c = lm.complete(List.of(req(1)), CancelToken.none()).get(0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(c.samples().get(0).text()).isEqualTo("ok");
            assertThat(s.completions()).hasSize(2);
            // the backoff alone would wait about 50 ms; Retry-After asked for a second
            assertThat(ms).isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void retries500ThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (var s = new ScriptedServer(r -> calls.getAndIncrement() == 0
                ? Reply.status(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}")
                : Reply.json(ScriptedServer.completions("ok")));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            assertThat(lm.complete(List.of(req(1)), CancelToken.none()).get(0).samples().get(0).text()).isEqualTo("ok");
            assertThat(s.completions()).hasSize(2);
        }
    }

    @Test
    void givesUpOnPersistent503NamingTheEndpointAndTheCause() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                    .isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("endpoint 'local'")
                    .hasMessageContaining("HTTP 503: overloaded")
                    .hasMessageContaining("after 3 attempts");
            assertThat(s.completions()).hasSize(3);
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsWithTheTimeout() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("late")).delayed(3_000))) {
            Endpoint ep = Endpoint.of("slow", s.baseUrl(), "m", EndpointApi.COMPLETIONS).withTimeoutSeconds(0.3);
            try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, new RetrySettings(2, 10, 2, 0.5, 100), ENV)) {
                assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                        .hasMessageContaining("endpoint 'slow'")
                        .hasMessageContaining("no answer within 0.3 s");
                assertThat(s.completions()).hasSize(2);
            }
        }
    }

    @Test
    void truncatedJsonIsAClearFailure() throws Exception {
        String whole = ScriptedServer.completions("4 + 8 = 12");
        try (var s = new ScriptedServer(r -> Reply.json(whole.substring(0, whole.length() / 2)));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                    .hasMessageContaining("endpoint 'local'")
                    .hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void aResponseWithoutUsageOrCreatedIsReadAndTokensAreEstimated() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json("{\"choices\":[{\"text\":\"4 + 8 = 12\"}]}"));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            Completion c = lm.complete(List.of(req(1)), CancelToken.none()).get(0);
            assertThat(c.samples().get(0).text()).isEqualTo("4 + 8 = 12");
            assertThat(c.samples().get(0).finishReason()).isEqualTo("unknown");
            assertThat(c.samples().get(0).logProb()).isNaN();
            assertThat(c.promptTokens()).isEqualTo(2); // "4 6 8 2": 7 characters, about 2 tokens
            assertThat(c.completionTokens()).isEqualTo(3);
        }
    }

    @Test
    void nIgnoredLoopsWithDistinctSeedsAndRemembers() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("s" + r.json().path("seed").asLong())));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            Completion c = lm.complete(List.of(req(3)), CancelToken.none()).get(0);
            assertThat(c.samples()).extracting(Completion.Sample::text).containsExactlyInAnyOrder("s11", "s12", "s13");
            assertThat(c.samples().get(0).text()).isEqualTo("s11");
            assertThat(lm.support().n()).isEqualTo(NSupport.IGNORED);
            assertThat(c.promptTokens()).isEqualTo(21);
            int before = s.completions().size();
            assertThat(before).isEqualTo(3);
            lm.complete(List.of(req(3)), CancelToken.none());
            // known now: three calls without n, none asking n = 3
            assertThat(s.completions().subList(before, s.completions().size()))
                    .hasSize(3).allSatisfy(r -> assertThat(r.json().has("n")).isFalse());
        }
    }

    @Test
    void nRefusedLoops() throws Exception {
        try (var s = new ScriptedServer(r -> r.json().has("n")
                ? Reply.status(400, "{\"error\":{\"message\":\"only n = 1 is supported\",\"type\":\"invalid_request_error\"}}")
                : Reply.json(ScriptedServer.completions("s" + r.json().path("seed").asLong())));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            Completion c = lm.complete(List.of(req(3)), CancelToken.none()).get(0);
            assertThat(c.samples()).extracting(Completion.Sample::text).containsExactly("s11", "s12", "s13");
            assertThat(lm.support().n()).isEqualTo(NSupport.REFUSED);
        }
    }

    @Test
    void logprobsRefusedAreDroppedAndTheCallRepeated() throws Exception {
        try (var s = new ScriptedServer(r -> r.json().has("logprobs")
                ? Reply.status(400, "{\"error\":\"Unexpected field 'logprobs'\"}")
                : Reply.json(ScriptedServer.completions("ok")));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            assertThat(lm.complete(List.of(req(1)), CancelToken.none()).get(0).samples().get(0).text()).isEqualTo("ok");
            assertThat(lm.support().logprobs()).isFalse();
        }
    }

    @Test
    void unauthorisedNamesTheEndpointAndTheVariableButNeverTheKey() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + r.header("Authorization").substring(7) + "\"}}"));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                    .hasMessageContaining("endpoint 'local'")
                    .hasMessageContaining("$LOCAL_KEY")
                    .hasMessageContaining("HTTP 401")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
            assertThat(s.completions()).hasSize(1);
        }
    }

    @Test
    void aMissingKeyVariableIsNamed() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("ok")))) {
            Endpoint ep = Endpoint.of("hosted", s.baseUrl(), "m", EndpointApi.CHAT).withApiKeyEnv("NOT_SET_ANYWHERE");
            try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, FAST, ENV)) {
                assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                        .hasMessageContaining("endpoint 'hosted'")
                        .hasMessageContaining("NOT_SET_ANYWHERE")
                        .hasMessageContaining("not set");
                assertThat(s.requests).isEmpty();
            }
        }
    }

    @Test
    void anUnknownModelListsTheModelsTheServerHas() throws Exception {
        try (var s = new ScriptedServer(r -> r.path().endsWith("/models")
                ? Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\",\"object\":\"model\"},"
                        + "{\"id\":\"qwen2.5:7b\",\"object\":\"model\"}]}")
                : Reply.status(404, "{\"error\":{\"message\":\"model \\\"game24-lm\\\" not found, try pulling it first\"}}"));
                var lm = client(s, EndpointApi.CHAT)) {
            assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                    .hasMessageContaining("endpoint 'local'")
                    .hasMessageContaining("does not serve model 'game24-lm'")
                    .hasMessageContaining("it serves: llama3.1:8b, qwen2.5:7b");
        }
    }

    @Test
    void aBatchGoesOutConcurrentlyUpToTheEndpointsLimit() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("ok")).delayed(150))) {
            Endpoint ep = Endpoint.of("local", s.baseUrl(), "m", EndpointApi.COMPLETIONS).withMaxConcurrency(3);
            try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, FAST, ENV)) {
                List<CompletionRequest> batch = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    batch.add(new CompletionRequest("p" + i, 1, 0.7, 8, List.of(), i));
                }
                List<Completion> out = lm.complete(batch, CancelToken.none());
                assertThat(out).hasSize(9);
                assertThat(s.maxInFlight.get()).isEqualTo(3);
                // answers come back in the order of the batch, whatever order the server finished them in
                for (int i = 0; i < 9; i++) {
                    int at = i;
                    assertThat(s.completions()).anySatisfy(r -> assertThat(r.json().get("prompt").asText()).isEqualTo("p" + at));
                }
            }
        }
    }

    @Test
    void answersKeepTheOrderOfTheBatch() throws Exception {
        try (var s = new ScriptedServer(r -> {
            String p = r.json().get("prompt").asText();
            // the first prompt is answered last
            return Reply.json(ScriptedServer.completions("for " + p)).delayed(p.equals("p0") ? 300 : 0);
        }); var lm = client(s, EndpointApi.COMPLETIONS)) {
            List<CompletionRequest> batch = List.of(new CompletionRequest("p0", 1, 0, 8, List.of(), 0),
                    new CompletionRequest("p1", 1, 0, 8, List.of(), 0), new CompletionRequest("p2", 1, 0, 8, List.of(), 0));
            assertThat(lm.complete(batch, CancelToken.none())).extracting(c -> c.samples().get(0).text())
                    .containsExactly("for p0", "for p1", "for p2");
        }
    }

    @Test
    void cancelAbortsARequestInFlight() throws Exception {
        try (var s = new ScriptedServer(r -> Reply.json(ScriptedServer.completions("late")).delayed(20_000));
                var lm = client(s, EndpointApi.COMPLETIONS)) {
            CancelToken token = new CancelToken();
            new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                token.cancel();
            }).start();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> lm.complete(List.of(req(1), req(1)), token))
                    .isInstanceOfSatisfying(ModelCallException.class, e -> assertThat(e.cancelled()).isTrue());
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        }
    }

    @Test
    void aServerThatIsNotThereIsNamed() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Endpoint ep = Endpoint.of("gpu-box", "http://127.0.0.1:" + port + "/v1", "m", EndpointApi.COMPLETIONS);
        try (var lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, FAST, ENV)) {
            assertThatThrownBy(() -> lm.complete(List.of(req(1)), CancelToken.none()))
                    .hasMessageContaining("endpoint 'gpu-box'")
                    .hasMessageContaining("cannot connect to http://127.0.0.1:" + port + "/v1")
                    .hasMessageContaining("after 3 attempts");
        }
    }
}
