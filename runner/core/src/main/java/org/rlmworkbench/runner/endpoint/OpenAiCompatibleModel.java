package org.rlmworkbench.runner.endpoint;

import io.github.resilience4j.retry.Retry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * A language model behind an OpenAI-compatible server ({@code /v1/completions} or
 * {@code /v1/chat/completions}), on {@code java.net.http} and Jackson's tree model.
 *
 * <p>It finds out what the server supports instead of assuming: a server that answers fewer
 * choices than {@code n} (Ollama, LM Studio) or refuses {@code n} > 1 (older llama.cpp) is asked
 * once per sample from then on, with seeds {@code seed}, {@code seed + 1}, ...; a server that
 * refuses {@code logprobs} or {@code seed} is asked without them. The requests of one batch go out
 * together, at most {@code max_concurrency} at a time; each has the endpoint's timeout and is
 * retried with exponential backoff and jitter (resilience4j) on connection errors, timeouts, 408,
 * 409, 429 (after {@code Retry-After}) and 5xx. A failure names the endpoint and the cause; the API
 * key, read from the environment at each call, appears in no message.
 *
 * <pre>{@code
 * LanguageModel lm = OpenAiCompatibleModel.of(endpointsFile.find("local").orElseThrow());
 * List<Completion> out = lm.complete(List.of(new CompletionRequest("4 6 8 2", 5, 0.8, 32, List.of("\n"), 7)),
 *         CancelToken.none());
 * }</pre>
 */
public final class OpenAiCompatibleModel implements LanguageModel, AutoCloseable {
    private static final Pattern MENTIONS_N = Pattern.compile("(?<![A-Za-z_])n(?![A-Za-z_(])");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Endpoint endpoint;
    private final Function<String, String> environment;
    private final HttpClient http;
    private final Retry retry;
    private final Semaphore permits;
    private final ExecutorService workers;
    private volatile ServerSupport support;

    /**
     * @param known what a probe found ({@link ServerSupport#UNKNOWN} if none)
     * @param environment where keys are read ({@code System::getenv} outside tests)
     */
    public OpenAiCompatibleModel(Endpoint endpoint, ServerSupport known, RetrySettings retries,
            Function<String, String> environment) {
        this.endpoint = endpoint;
        this.support = known;
        this.environment = environment;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(
                Math.max(1, Math.round(Math.min(endpoint.timeoutSeconds(), 30) * 1000)))).build();
        this.retry = retries.retry(endpoint.name());
        this.permits = new Semaphore(endpoint.maxConcurrency(), true);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "endpoint-" + endpoint.name() + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The endpoint with the default retries and keys from the process environment. */
    public static OpenAiCompatibleModel of(Endpoint endpoint) {
        return new OpenAiCompatibleModel(endpoint, ServerSupport.UNKNOWN, RetrySettings.DEFAULT, System::getenv);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** What the client knows of the server so far (a probe's findings plus what its answers taught). */
    public ServerSupport support() {
        return support;
    }

    /**
     * {@code NAME:MODEL@HOST:PORT}: what traces record and the response cache keys on, so that an
     * endpoint pointed at another model or server does not answer from the old one's cache.
     */
    @Override
    public String name() {
        java.net.URI u = endpoint.uri("");
        return endpoint.name() + ":" + endpoint.model() + "@" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    @Override
    public PromptStyle promptStyle() {
        return endpoint.promptStyle();
    }

    @Override
    public double pricePerMillionIn() {
        return endpoint.priceIn();
    }

    @Override
    public double pricePerMillionOut() {
        return endpoint.priceOut();
    }

    @Override
    public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException {
        if (cancel.cancelled()) {
            throw cancelled();
        }
        HttpExchange exchange = new HttpExchange(endpoint, http, key());
        List<Future<Completion>> tasks = new CopyOnWriteArrayList<>();
        Runnable abort = () -> {
            exchange.cancel();
            tasks.forEach(t -> t.cancel(true));
        };
        try (AutoCloseable reg = cancel.onCancel(abort)) {
            for (CompletionRequest r : batch) {
                tasks.add(workers.submit(() -> completeOne(exchange, r)));
            }
            if (cancel.cancelled()) {
                abort.run();
            }
            List<Completion> out = new ArrayList<>();
            for (Future<Completion> t : tasks) {
                out.add(t.get());
            }
            return out;
        } catch (CancellationException | InterruptedException e) {
            abort.run();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw cancelled();
        } catch (ExecutionException e) {
            abort.run();
            if (cancel.cancelled() || e.getCause() instanceof InterruptedException) {
                throw cancelled();
            }
            throw failure(e.getCause());
        } catch (ModelCallException e) {
            throw e;
        } catch (Exception e) {
            abort.run();
            throw failure(e);
        }
    }

    /** One request's n samples: one call asking n where the server may honour it, one call per sample where not. */
    private Completion completeOne(HttpExchange ex, CompletionRequest r) throws Exception {
        List<Completion.Sample> samples = new ArrayList<>();
        int promptTokens = 0;
        int completionTokens = 0;
        if (r.n() > 1 && support.n().asksForN()) {
            OpenAiWire.Answer a = call(ex, r, r.n(), r.seed());
            if (a != null) {
                samples.addAll(a.samples().subList(0, Math.min(r.n(), a.samples().size())));
                promptTokens += a.promptTokens();
                completionTokens += a.completionTokens();
                support = support.withN(a.samples().size() >= r.n() ? NSupport.HONOURED : NSupport.IGNORED);
            }
        }
        // the remaining samples one call each, concurrently, each with its own seed
        List<Future<OpenAiWire.Answer>> rest = new ArrayList<>();
        for (int i = samples.size(); i < r.n(); i++) {
            long seed = r.seed() + i;
            rest.add(workers.submit(() -> call(ex, r, 1, seed)));
        }
        try {
            for (Future<OpenAiWire.Answer> f : rest) {
                OpenAiWire.Answer a = f.get();
                samples.add(a.samples().get(0));
                promptTokens += a.promptTokens();
                completionTokens += a.completionTokens();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } finally {
            rest.forEach(f -> f.cancel(true));
        }
        return new Completion(samples, promptTokens, completionTokens);
    }

    /**
     * One call with retries. Returns null when {@code n} > 1 was refused (the support is then
     * {@link NSupport#REFUSED} and the caller loops); learns from a refused {@code logprobs} or
     * {@code seed} and asks again without it.
     */
    private OpenAiWire.Answer call(HttpExchange ex, CompletionRequest r, int n, long seed) throws Exception {
        for (int learned = 0; ; learned++) {
            ServerSupport s = support;
            try {
                String body = retry.executeCheckedSupplier(() -> {
                    if (ex.cancelled()) {
                        throw new InterruptedException("cancelled");
                    }
                    permits.acquire();
                    try {
                        return ex.post(endpoint.api().path(), OpenAiWire.request(endpoint, s, r, n, seed));
                    } finally {
                        permits.release();
                    }
                });
                OpenAiWire.Answer a = OpenAiWire.read(endpoint.api(), r.prompt(), body);
                if (s.logprobs() == null && a.logprobsGiven()) {
                    support = support.withLogprobs(true);
                }
                return a;
            } catch (HttpCallFailure f) {
                if (learned < 3 && (f.status() == 400 || f.status() == 422)) {
                    String m = f.serverMessage().toLowerCase(Locale.ROOT);
                    if (n > 1 && MENTIONS_N.matcher(m).find()) {
                        support = support.withN(NSupport.REFUSED);
                        return null;
                    }
                    if (!Boolean.FALSE.equals(s.logprobs()) && m.contains("logprob")) {
                        support = support.withLogprobs(false);
                        continue;
                    }
                    if (!Boolean.FALSE.equals(s.seed()) && m.contains("seed")) {
                        support = support.withSeed(false);
                        continue;
                    }
                }
                throw f;
            } catch (Throwable t) {
                if (t instanceof Exception e) {
                    throw e;
                }
                throw (Error) t;
            }
        }
    }

    private String key() throws ModelCallException {
        if (endpoint.apiKeyEnv() == null) {
            return null;
        }
        String k = environment.apply(endpoint.apiKeyEnv());
        if (k == null || k.isBlank()) {
            throw new ModelCallException(where() + ": the environment variable " + endpoint.apiKeyEnv()
                    + " (api_key_env) is not set", null);
        }
        return k.strip();
    }

    private ModelCallException cancelled() {
        return new ModelCallException(where() + ": cancelled", null, true);
    }

    private ModelCallException failure(Throwable cause) {
        if (!(cause instanceof HttpCallFailure f)) {
            return new ModelCallException(where() + ": " + cause, cause);
        }
        int tries = retry.getRetryConfig().getMaxAttempts();
        String attempts = f.retryable() && tries > 1 ? " (gave up after " + tries + " attempts)" : "";
        String msg;
        if (f.status() == 401 || f.status() == 403) {
            msg = endpoint.apiKeyEnv() == null
                    ? "the server refused the request (HTTP " + f.status() + ") and the endpoint names no api_key_env;"
                            + " set api_key_env to the variable that holds the key"
                    : "the server refused the key in $" + endpoint.apiKeyEnv() + " (HTTP " + f.status() + ")"
                            + (f.serverMessage().isEmpty() ? "" : ": " + f.serverMessage());
        } else if (unknownModel(f)) {
            msg = "the server does not serve model '" + endpoint.model() + "'" + servedModels();
        } else {
            msg = f.getMessage() + attempts;
        }
        return new ModelCallException(where() + ": " + msg, null);
    }

    private static boolean unknownModel(HttpCallFailure f) {
        String m = f.serverMessage().toLowerCase(Locale.ROOT);
        return (f.status() == 404 || f.status() == 400) && m.contains("model")
                && (m.contains("not found") || m.contains("does not exist") || m.contains("unknown") || m.contains("not serve"));
    }

    /** "; it serves: a, b" from {@code /v1/models}, or nothing when that cannot be read. */
    private String servedModels() {
        try {
            HttpExchange ex = new HttpExchange(endpoint, http, key());
            List<String> ids = OpenAiWire.modelIds(ex.get("/models"));
            return ids.isEmpty() ? "; it lists no models" : "; it serves: " + String.join(", ", ids);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "";
        }
    }

    private String where() {
        return "endpoint '" + endpoint.name() + "' (" + endpoint.baseUrl() + ", model " + endpoint.model() + ")";
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
