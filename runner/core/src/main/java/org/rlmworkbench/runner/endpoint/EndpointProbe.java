package org.rlmworkbench.runner.endpoint;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.ModelCallException;

/**
 * Asks a server once what it supports: the models it lists ({@code /v1/models}), whether it answers
 * {@code n} choices, ignores {@code n} or refuses it, whether it gives log-probabilities, whether a
 * seed makes sampling repeat, and how long a short completion takes. Seven small calls, no retries.
 */
public final class EndpointProbe {
    private static final String PROMPT = "Count: 1, 2, 3,";

    private EndpointProbe() {
    }

    /** Probes {@code endpoint}, reading its key from {@code environment}. */
    public static ProbeReport probe(Endpoint endpoint, Function<String, String> environment) {
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> models = null;
        String error = null;
        String key = endpoint.apiKeyEnv() == null ? null : environment.apply(endpoint.apiKeyEnv());
        if (endpoint.apiKeyEnv() != null && (key == null || key.isBlank())) {
            return new ProbeReport(endpoint.name(), at, null, NSupport.UNKNOWN, null, null, Double.NaN,
                    "the environment variable " + endpoint.apiKeyEnv() + " (api_key_env) is not set");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            models = OpenAiWire.modelIds(new HttpExchange(endpoint, http, key == null ? null : key.strip()).get("/models"));
        } catch (HttpCallFailure e) {
            error = "/models: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeReport(endpoint.name(), at, null, NSupport.UNKNOWN, null, null, Double.NaN, "interrupted");
        }
        RetrySettings once = new RetrySettings(1, 1, 1, 0, 1);
        try (OpenAiCompatibleModel lm = new OpenAiCompatibleModel(endpoint, ServerSupport.UNKNOWN, once, environment)) {
            double[] ms = new double[3];
            Completion first = timed(lm, new CompletionRequest(PROMPT, 1, 0.0, 8, List.of(), 1), ms, 0);
            Boolean logprobs = lm.support().logprobs() == Boolean.FALSE ? Boolean.FALSE
                    : !Double.isNaN(first.samples().get(0).logProb());
            Completion a = timed(lm, new CompletionRequest(PROMPT, 1, 1.0, 8, List.of(), 1234), ms, 1);
            Completion b = timed(lm, new CompletionRequest(PROMPT, 1, 1.0, 8, List.of(), 1234), ms, 2);
            Completion c = lm.complete(List.of(new CompletionRequest(PROMPT, 1, 1.0, 8, List.of(), 4321)),
                    CancelToken.none()).get(0);
            String ta = a.samples().get(0).text();
            String tb = b.samples().get(0).text();
            String tc = c.samples().get(0).text();
            Boolean seed = lm.support().seed() == Boolean.FALSE ? Boolean.FALSE
                    : !ta.equals(tb) ? Boolean.FALSE : ta.equals(tc) ? null : Boolean.TRUE;
            lm.complete(List.of(new CompletionRequest(PROMPT, 3, 1.0, 8, List.of(), 7)), CancelToken.none());
            NSupport n = lm.support().n();
            Arrays.sort(ms);
            return new ProbeReport(endpoint.name(), at, models, n, logprobs, seed, ms[1], error);
        } catch (ModelCallException e) {
            return new ProbeReport(endpoint.name(), at, models, NSupport.UNKNOWN, null, null, Double.NaN,
                    error == null ? e.getMessage() : error + "; " + e.getMessage());
        }
    }

    private static Completion timed(OpenAiCompatibleModel lm, CompletionRequest r, double[] ms, int i)
            throws ModelCallException {
        long t0 = System.nanoTime();
        Completion c = lm.complete(new ArrayList<>(List.of(r)), CancelToken.none()).get(0);
        ms[i] = (System.nanoTime() - t0) / 1e6;
        return c;
    }
}
