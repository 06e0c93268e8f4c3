package org.rlmworkbench.runner.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * Language models behind the OpenAI API, on the JDK's own HTTP server: {@code GET /v1/models},
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions} with {@code n},
 * {@code temperature}, {@code seed}, {@code logprobs}, {@code max_tokens}, {@code stop} and
 * {@code usage}. Requests that arrive together are answered by one model call (see
 * {@link BatchingModel}). Bad requests get OpenAI's error object and status.
 *
 * <p>A sample's log-probability is reported as one token spanning the whole text (the models
 * give the total, not each character's); a client that sums {@code token_logprobs} gets the total.
 */
public final class OpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests that arrive within this many milliseconds of a batch's first one join it. */
    private static final long WINDOW_MILLIS = 2;
    private static final int MAX_BATCH = 256;
    private static final int MAX_N = 128;
    private static final int DEFAULT_MAX_TOKENS = 256;

    private final Map<String, BatchingModel> models = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final AtomicLong ids = new AtomicLong();
    private final SplittableRandom seeds = new SplittableRandom();
    private final long created = System.currentTimeMillis() / 1000;

    private final String requiredKey;

    private OpenAiServer(Map<String, LanguageModel> served, HttpServer server, String requiredKey) {
        this.requiredKey = requiredKey;
        served.forEach((id, m) -> models.put(id, new BatchingModel(m, WINDOW_MILLIS, MAX_BATCH)));
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "serve-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/v1/models", ex -> handle(ex, "GET", this::listModels));
        server.createContext("/v1/completions", ex -> handle(ex, "POST", body -> complete(body, false)));
        server.createContext("/v1/chat/completions", ex -> handle(ex, "POST", body -> complete(body, true)));
        server.createContext("/", ex -> handle(ex, null, body -> {
            throw new ApiError(404, "invalid_request_error", null, "unknown_url",
                    "Unknown request URL: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
                            + ". This server has /v1/models, /v1/completions and /v1/chat/completions.");
        }));
    }

    /**
     * Starts serving {@code served} (model id to model) on {@code host}:{@code port}; port 0 picks a
     * free one (see {@link #port()}).
     *
     * @throws IOException when the address cannot be bound
     */
    public static OpenAiServer start(Map<String, LanguageModel> served, String host, int port) throws IOException {
        return start(served, host, port, null);
    }

    /**
     * As {@link #start(Map, String, int)}, answering only requests that carry {@code Authorization:
     * Bearer requiredKey} (null: any request).
     */
    public static OpenAiServer start(Map<String, LanguageModel> served, String host, int port, String requiredKey)
            throws IOException {
        noDelay();
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 256);
        OpenAiServer out = new OpenAiServer(served, s, requiredKey);
        s.start();
        return out;
    }

    /**
     * Turns on TCP_NODELAY in the JDK's HTTP server (read once, when its first server is made). Without
     * it a small answer written as headers then body waits for the client's delayed ACK: about 40 ms
     * per request on Linux loopback, measured with {@code models bench --overhead}.
     */
    public static void noDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8000/v1}. */
    public String baseUrl(String host) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/v1";
    }

    /** Model calls made so far and the prompts they answered, per model id. */
    public Map<String, long[]> batchCounts() {
        Map<String, long[]> out = new LinkedHashMap<>();
        models.forEach((id, b) -> out.put(id, b.counts()));
        return out;
    }

    @FunctionalInterface
    private interface Route {
        ObjectNode answer(JsonNode body) throws ApiError;
    }

    private void handle(HttpExchange ex, String method, Route route) throws IOException {
        try (ex) {
            int status = 200;
            ObjectNode out;
            try {
                if (requiredKey != null && !("Bearer " + requiredKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    throw new ApiError(401, "invalid_request_error", null, "invalid_api_key",
                            "Incorrect or missing API key; send it as Authorization: Bearer KEY.");
                }
                if (method != null && !method.equals(ex.getRequestMethod())) {
                    throw new ApiError(405, "invalid_request_error", null, "method_not_allowed",
                            ex.getRequestMethod() + " is not allowed on " + ex.getRequestURI().getPath() + "; use " + method);
                }
                JsonNode body = null;
                if ("POST".equals(method)) {
                    byte[] bytes = ex.getRequestBody().readAllBytes();
                    try {
                        body = JSON.readTree(bytes);
                    } catch (JsonProcessingException e) {
                        throw ApiError.invalid(null, "The request body is not valid JSON: " + e.getOriginalMessage());
                    }
                    if (body == null || !body.isObject()) {
                        throw ApiError.invalid(null, "The request body must be a JSON object.");
                    }
                }
                out = route.answer(body);
            } catch (ApiError e) {
                status = e.status();
                out = JSON.createObjectNode();
                ObjectNode err = out.putObject("error");
                err.put("message", e.getMessage());
                err.put("type", e.type());
                putOrNull(err, "param", e.param());
                putOrNull(err, "code", e.code());
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private static void putOrNull(ObjectNode o, String k, String v) {
        if (v == null) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private ObjectNode listModels(JsonNode ignored) {
        ObjectNode out = JSON.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        models.forEach((id, b) -> {
            ObjectNode m = data.addObject();
            m.put("id", id);
            m.put("object", "model");
            m.put("created", created);
            m.put("owned_by", "rlm-workbench");
            // how prompts are phrased for it, for a client that wants to know (not an OpenAI field)
            m.put("prompt_style", b.model().promptStyle() == PromptStyle.STATE ? "state" : "few_shot");
        });
        return out;
    }

    private ObjectNode complete(JsonNode body, boolean chat) throws ApiError {
        JsonNode modelNode = body.get("model");
        if (modelNode == null || !modelNode.isTextual()) {
            throw ApiError.invalid("model", "you must provide a model parameter");
        }
        String modelId = modelNode.asText();
        BatchingModel model = models.get(modelId);
        if (model == null) {
            throw new ApiError(404, "invalid_request_error", "model", "model_not_found",
                    "The model '" + modelId + "' does not exist; this server serves: " + String.join(", ", models.keySet()));
        }
        List<String> prompts = chat ? List.of(chatPrompt(body)) : prompts(body);
        int n = intParam(body, "n", 1, 1, MAX_N);
        double temperature = numberParam(body, "temperature", 1.0, 0, 2);
        int maxTokens = intParam(body, chat && body.hasNonNull("max_completion_tokens") ? "max_completion_tokens"
                : "max_tokens", DEFAULT_MAX_TOKENS, 1, 1 << 20);
        List<String> stop = stop(body);
        long seed = body.hasNonNull("seed") ? longParam(body, "seed") : seeds.nextLong();
        boolean logprobs = logprobs(body, chat);
        List<CompletionRequest> rs = new ArrayList<>();
        for (String p : prompts) {
            rs.add(new CompletionRequest(p, n, temperature, maxTokens, stop, seed));
        }
        List<Completion> answers;
        try {
            answers = model.submit(rs).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "server_error", null, null, "The server is shutting down.");
        } catch (ExecutionException e) {
            throw new ApiError(500, "server_error", null, null, "The model failed: " + e.getCause().getMessage());
        }
        return response(chat, modelId, answers, stop, logprobs);
    }

    private ObjectNode response(boolean chat, String modelId, List<Completion> answers, List<String> stop,
            boolean logprobs) {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", (chat ? "chatcmpl-" : "cmpl-") + ids.incrementAndGet());
        out.put("object", chat ? "chat.completion" : "text_completion");
        out.put("created", System.currentTimeMillis() / 1000);
        out.put("model", modelId);
        ArrayNode choices = out.putArray("choices");
        int promptTokens = 0;
        int completionTokens = 0;
        int index = 0;
        for (Completion c : answers) {
            promptTokens += c.promptTokens();
            completionTokens += c.completionTokens();
            for (Completion.Sample s : c.samples()) {
                String text = s.text();
                String finish = s.finishReason();
                for (String st : stop) {
                    int at = text.indexOf(st);
                    if (at >= 0) {
                        text = text.substring(0, at);
                        finish = "stop";
                    }
                }
                ObjectNode ch = choices.addObject();
                ch.put("index", index++);
                if (chat) {
                    ch.putObject("message").put("role", "assistant").put("content", text);
                } else {
                    ch.put("text", text);
                }
                if (logprobs && !Double.isNaN(s.logProb())) {
                    ObjectNode lp = ch.putObject("logprobs");
                    if (chat) {
                        ObjectNode tok = lp.putArray("content").addObject();
                        tok.put("token", text);
                        tok.put("logprob", s.logProb());
                        ArrayNode bytes = tok.putArray("bytes");
                        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                            bytes.add(b & 0xff);
                        }
                        tok.putArray("top_logprobs");
                    } else {
                        lp.putArray("tokens").add(text);
                        lp.putArray("token_logprobs").add(s.logProb());
                        lp.putNull("top_logprobs");
                        lp.putArray("text_offset").add(0);
                    }
                } else {
                    ch.putNull("logprobs");
                }
                ch.put("finish_reason", finish == null ? "stop" : finish);
            }
        }
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return out;
    }

    private static List<String> prompts(JsonNode body) throws ApiError {
        JsonNode p = body.get("prompt");
        if (p != null && p.isTextual()) {
            return List.of(p.asText());
        }
        if (p != null && p.isArray() && !p.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (JsonNode x : p) {
                if (!x.isTextual()) {
                    throw ApiError.invalid("prompt", "prompt must be a string or an array of strings (token arrays are not"
                            + " supported)");
                }
                out.add(x.asText());
            }
            return out;
        }
        throw ApiError.invalid("prompt", "you must provide a prompt (a string or an array of strings)");
    }

    /** The user's turn: the contents of the messages, in order, one per line. */
    private static String chatPrompt(JsonNode body) throws ApiError {
        JsonNode msgs = body.get("messages");
        if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
            throw ApiError.invalid("messages", "you must provide messages, an array of {role, content}");
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode m : msgs) {
            JsonNode c = m.get("content");
            if (c == null || !c.isTextual()) {
                throw ApiError.invalid("messages", "each message must have a string content");
            }
            b.append(b.length() == 0 ? "" : "\n").append(c.asText());
        }
        return b.toString();
    }

    private static List<String> stop(JsonNode body) throws ApiError {
        JsonNode s = body.get("stop");
        if (s == null || s.isNull()) {
            return List.of();
        }
        if (s.isTextual()) {
            return List.of(s.asText());
        }
        if (s.isArray() && s.size() <= 4) {
            List<String> out = new ArrayList<>();
            for (JsonNode x : s) {
                if (!x.isTextual()) {
                    throw ApiError.invalid("stop", "stop must be a string or an array of at most 4 strings");
                }
                out.add(x.asText());
            }
            return out;
        }
        throw ApiError.invalid("stop", "stop must be a string or an array of at most 4 strings");
    }

    private static boolean logprobs(JsonNode body, boolean chat) throws ApiError {
        JsonNode l = body.get("logprobs");
        if (l == null || l.isNull()) {
            return false;
        }
        if (chat) {
            if (!l.isBoolean()) {
                throw ApiError.invalid("logprobs", "logprobs must be a boolean for chat completions");
            }
            return l.asBoolean();
        }
        if (!l.isIntegralNumber() || l.asInt() < 0 || l.asInt() > 5) {
            throw ApiError.invalid("logprobs", "logprobs must be an integer between 0 and 5");
        }
        return true;
    }

    private static int intParam(JsonNode body, String name, int dflt, int min, int max) throws ApiError {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw ApiError.invalid(name, name + " must be an integer between " + min + " and " + max + ", got " + v);
        }
        return v.asInt();
    }

    private static long longParam(JsonNode body, String name) throws ApiError {
        JsonNode v = body.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiError.invalid(name, name + " must be an integer, got " + v);
        }
        return v.asLong();
    }

    private static double numberParam(JsonNode body, String name, double dflt, double min, double max) throws ApiError {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw ApiError.invalid(name, name + " must be a number between " + (int) min + " and " + (int) max + ", got " + v);
        }
        return v.asDouble();
    }

    @Override
    public void close() {
        server.stop(0);
        models.values().forEach(BatchingModel::close);
        handlers.shutdownNow();
    }
}
