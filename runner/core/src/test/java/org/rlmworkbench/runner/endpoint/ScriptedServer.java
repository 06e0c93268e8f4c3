package org.rlmworkbench.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers by a script: each request is recorded and handed to a
 * function that decides status, headers, body and a delay. What WireMock would do, in a page, on
 * the JDK's own server.
 */
final class ScriptedServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server saw it; {@code json} is null when the body was not JSON. */
    record Request(String method, String path, Map<String, List<String>> headers, String body, JsonNode json) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer; {@code delayMillis} is slept before it is sent. */
    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
        static Reply json(String body) {
            return new Reply(200, body, Map.of(), 0);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        Reply withHeader(String k, String v) {
            var h = new java.util.HashMap<>(headers);
            h.put(k, v);
            return new Reply(status, body, h, delayMillis);
        }

        Reply delayed(long ms) {
            return new Reply(status, body, headers, ms);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpServer server;

    ScriptedServer(Function<Request, Reply> script) throws IOException {
        // as OpenAiServer.noDelay() (runner-cli): without TCP_NODELAY each small reply waits ~40 ms for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                JsonNode json = null;
                try {
                    json = body.isEmpty() ? null : JSON.readTree(body);
                } catch (IOException e) {
                    // recorded as text only
                }
                Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        Map.copyOf(ex.getRequestHeaders()), body, json);
                requests.add(req);
                Reply reply = script.apply(req);
                if (reply.delayMillis() > 0) {
                    Thread.sleep(reply.delayMillis());
                }
                byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away
            } finally {
                inFlight.decrementAndGet();
                ex.close();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The completion requests (not the {@code /models} look-ups). */
    List<Request> completions() {
        return requests.stream().filter(r -> r.path().endsWith("completions")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A completions body with the given texts as choices and a usage block. */
    static String completions(String... texts) {
        StringBuilder b = new StringBuilder("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,"
                + "\"model\":\"m\",\"choices\":[");
        for (int i = 0; i < texts.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"index\":").append(i).append(",\"text\":\"").append(texts[i])
                    .append("\",\"finish_reason\":\"stop\",\"logprobs\":null}");
        }
        return b.append("],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":").append(3 * texts.length)
                .append(",\"total_tokens\":").append(7 + 3 * texts.length).append("}}").toString();
    }
}
