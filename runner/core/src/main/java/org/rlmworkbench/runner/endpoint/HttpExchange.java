package org.rlmworkbench.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One endpoint's HTTP exchanges: a request with the key from the environment, a timeout, and a
 * failure that says whether another try may help. Requests in flight are tracked so that a cancel
 * aborts them. The key appears in the {@code Authorization} header and nowhere else: every text
 * taken from a response is cleared of it.
 */
final class HttpExchange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private final Endpoint endpoint;
    private final HttpClient http;
    private final String key;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    HttpExchange(Endpoint endpoint, HttpClient http, String key) {
        this.endpoint = endpoint;
        this.http = http;
        this.key = key;
    }

    /** Aborts every request in flight and refuses new ones. */
    void cancel() {
        cancelled = true;
        inFlight.forEach(f -> f.cancel(true));
    }

    boolean cancelled() {
        return cancelled;
    }

    /** POSTs {@code body} to {@code route} and returns the response body of a 2xx answer. */
    String post(String route, JsonNode body) throws HttpCallFailure, InterruptedException {
        return send(request(route).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** GETs {@code route} and returns the body of a 2xx answer. */
    String get(String route) throws HttpCallFailure, InterruptedException {
        return send(request(route).GET().build());
    }

    private HttpRequest.Builder request(String route) {
        URI uri = endpoint.uri(route);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.max(1, Math.round(endpoint.timeoutSeconds() * 1000))));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private String send(HttpRequest req) throws HttpCallFailure, InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
        CompletableFuture<HttpResponse<String>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        inFlight.add(f);
        HttpResponse<String> resp;
        try {
            if (cancelled) {
                f.cancel(true);
            }
            resp = f.get();
        } catch (CancellationException e) {
            throw new InterruptedException("cancelled");
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw connectionFailure(e.getCause());
        } finally {
            inFlight.remove(f);
        }
        int status = resp.statusCode();
        String body = resp.body() == null ? "" : resp.body();
        if (status >= 200 && status < 300) {
            return body;
        }
        String msg = serverMessage(body);
        boolean retry = HttpCallFailure.retryableStatus(status);
        long after = retry ? retryAfter(resp.headers().firstValue("Retry-After").orElse(null)) : -1;
        return throwStatus(status, retry, after, msg);
    }

    private static String throwStatus(int status, boolean retry, long after, String msg) throws HttpCallFailure {
        throw new HttpCallFailure(status, retry, after, "HTTP " + status + (msg.isEmpty() ? "" : ": " + msg), msg);
    }

    private HttpCallFailure connectionFailure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new HttpCallFailure(0, true, -1, String.format(Locale.ROOT, "no answer within %s s (timeout_seconds)",
                    trimNumber(endpoint.timeoutSeconds())), "");
        }
        if (cause instanceof ConnectException) {
            return new HttpCallFailure(0, true, -1, "cannot connect to " + endpoint.baseUrl()
                    + " (is the server running?)", "");
        }
        if (cause instanceof IOException) {
            return new HttpCallFailure(0, true, -1, "connection to " + endpoint.baseUrl() + " failed: "
                    + clean(String.valueOf(cause.getMessage())), "");
        }
        return new HttpCallFailure(0, false, -1, "request failed: " + clean(String.valueOf(cause)), "");
    }

    /** The error text of an OpenAI-style body ({@code error.message}, {@code error}, {@code detail}) or the body itself. */
    String serverMessage(String body) {
        String text = body;
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                JsonNode err = root.path("error");
                if (err.isObject() && err.hasNonNull("message")) {
                    text = err.get("message").asText();
                } else if (err.isTextual()) {
                    text = err.asText();
                } else if (root.hasNonNull("detail")) {
                    text = root.get("detail").isTextual() ? root.get("detail").asText() : root.get("detail").toString();
                } else if (root.hasNonNull("message")) {
                    text = root.get("message").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the body itself is the message
        }
        return clean(text.strip());
    }

    /** {@code s} shortened and cleared of the key. */
    String clean(String s) {
        String t = s;
        if (key != null && !key.isEmpty()) {
            t = t.replace(key, "[key]");
        }
        t = t.replaceAll("\\s+", " ");
        return t.length() > MAX_MESSAGE ? t.substring(0, MAX_MESSAGE) + "..." : t;
    }

    /** Milliseconds from a {@code Retry-After} header (seconds or an HTTP date), or -1. */
    static long retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Math.round(Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException e2) {
                return -1;
            }
        }
    }

    static String trimNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
