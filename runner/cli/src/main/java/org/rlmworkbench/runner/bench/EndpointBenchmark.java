package org.rlmworkbench.runner.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointApi;
import org.rlmworkbench.runner.endpoint.OpenAiCompatibleModel;
import org.rlmworkbench.runner.endpoint.RetrySettings;
import org.rlmworkbench.runner.endpoint.ServerSupport;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;

/**
 * Measures a language model over HTTP: proposals (samples) per second with {@code c} callers at
 * once, and what the client itself costs per call on loopback against a server that answers at once.
 */
public final class EndpointBenchmark {

    private EndpointBenchmark() {
    }

    /** Samples per second, calls, and the median and 90th-percentile call time in milliseconds. */
    public record Throughput(int concurrency, long samples, long calls, double seconds, double medianMillis,
            double p90Millis) {
        public double perSecond() {
            return samples / seconds;
        }
    }

    /**
     * {@code concurrency} threads call {@code lm} in a loop for {@code seconds}, each call one prompt
     * with {@code n} samples and a fresh seed.
     */
    public static Throughput throughput(LanguageModel lm, List<String> prompts, int concurrency, int n,
            double temperature, int maxTokens, double seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong samples = new AtomicLong();
        AtomicLong seeds = new AtomicLong();
        List<Double> times = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = seeds.getAndIncrement();
                    String p = prompts.get((int) (s % prompts.size()));
                    long c0 = System.nanoTime();
                    try {
                        int got = lm.complete(List.of(new CompletionRequest(p, n, temperature, maxTokens, List.of(), s)),
                                CancelToken.none()).get(0).samples().size();
                        samples.addAndGet(got);
                        times.add((System.nanoTime() - c0) / 1e6);
                    } catch (ModelCallException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] ms = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Throughput(concurrency, samples.get(), ms.length, elapsed, pct(ms, 0.5), pct(ms, 0.9));
    }

    /** Median per-call microseconds: a bare {@code java.net.http} POST, and the client's whole call. */
    public record Overhead(int calls, double rawMicros, double clientMicros) {
    }

    /** Times {@code calls} sequential calls of each kind against a loopback server that answers a fixed body at once. */
    public static Overhead clientOverhead(int calls) throws IOException, InterruptedException, ModelCallException {
        byte[] body = ("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"text\":\"4 + 8 = 12 (left: 6 12 2)\",\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":12,\"total_tokens\":19}}")
                .getBytes(StandardCharsets.UTF_8);
        org.rlmworkbench.runner.serve.OpenAiServer.noDelay();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        try {
            HttpClient http = HttpClient.newHttpClient();
            String req = "{\"model\":\"m\",\"prompt\":\"4 6 8 2\",\"max_tokens\":16,\"temperature\":0.7,\"seed\":1}";
            double[] raw = new double[calls];
            for (int i = -calls / 5; i < calls; i++) {
                long t0 = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create(base + "/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(req)).build(), HttpResponse.BodyHandlers.ofString());
                if (i >= 0) {
                    raw[i] = (System.nanoTime() - t0) / 1e3;
                }
            }
            double[] client = new double[calls];
            Endpoint ep = Endpoint.of("stub", base, "m", EndpointApi.COMPLETIONS);
            try (OpenAiCompatibleModel lm = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, RetrySettings.DEFAULT,
                    k -> null)) {
                for (int i = -calls / 5; i < calls; i++) {
                    long t0 = System.nanoTime();
                    lm.complete(List.of(new CompletionRequest("4 6 8 2", 1, 0.7, 16, List.of(), i)), CancelToken.none());
                    if (i >= 0) {
                        client[i] = (System.nanoTime() - t0) / 1e3;
                    }
                }
            }
            Arrays.sort(raw);
            Arrays.sort(client);
            return new Overhead(calls, pct(raw, 0.5), pct(client, 0.5));
        } finally {
            server.stop(0);
        }
    }

    private static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
