package org.rlmworkbench.runner.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;

/**
 * The OpenAI wire format as the client writes and reads it. Requests carry no null fields (LM
 * Studio rejects them) and only the optional fields the server is not known to refuse; responses
 * are read leniently: {@code usage}, {@code created}, {@code id}, {@code logprobs} and
 * {@code finish_reason} may be missing, {@code choices} and their texts may not.
 */
final class OpenAiWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAI accepts at most four stop sequences. */
    private static final int MAX_STOP = 4;

    private OpenAiWire() {
    }

    /** The body of one call asking {@code n} samples with {@code seed}. */
    static ObjectNode request(Endpoint ep, ServerSupport support, CompletionRequest r, int n, long seed) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", ep.model());
        if (ep.api() == EndpointApi.CHAT) {
            ArrayNode msgs = o.putArray("messages");
            msgs.addObject().put("role", "user").put("content", r.prompt());
        } else {
            o.put("prompt", r.prompt());
        }
        o.put("max_tokens", r.maxTokens());
        o.put("temperature", r.temperature());
        if (ep.topP() != null) {
            o.put("top_p", ep.topP());
        }
        if (n > 1) {
            o.put("n", n);
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = o.putArray("stop");
            r.stop().stream().limit(MAX_STOP).forEach(stop::add);
        }
        if (!Boolean.FALSE.equals(support.seed())) {
            o.put("seed", seed);
        }
        if (!Boolean.FALSE.equals(support.logprobs())) {
            if (ep.api() == EndpointApi.CHAT) {
                o.put("logprobs", true);
            } else {
                o.put("logprobs", 1);
            }
        }
        return o;
    }

    /** What one response held: its samples and the tokens it reported (estimated where it did not). */
    record Answer(List<Completion.Sample> samples, int promptTokens, int completionTokens, boolean usageReported,
            boolean logprobsGiven) {
    }

    /**
     * Reads a response body.
     *
     * @throws HttpCallFailure (not retryable) when the body is not JSON or holds no readable choice
     */
    static Answer read(EndpointApi api, String prompt, String body) throws HttpCallFailure {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw garbage("malformed JSON (" + body.length() + " characters; " + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw garbage("a body that is not a JSON object");
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw garbage("no choices");
        }
        List<JsonNode> sorted = new ArrayList<>();
        choices.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(c -> c.path("index").asInt(0)));
        List<String> texts = new ArrayList<>();
        List<Double> logps = new ArrayList<>();
        List<Integer> counted = new ArrayList<>();
        List<String> finish = new ArrayList<>();
        boolean anyLogprobs = false;
        for (JsonNode c : sorted) {
            JsonNode t = api == EndpointApi.CHAT ? c.path("message").path("content") : c.path("text");
            if (!t.isTextual()) {
                throw garbage("a choice without " + (api == EndpointApi.CHAT ? "message.content" : "text"));
            }
            texts.add(t.asText());
            JsonNode fr = c.path("finish_reason");
            finish.add(fr.isTextual() ? fr.asText() : "unknown");
            double[] lp = logProb(api, c.path("logprobs"));
            logps.add(lp[0]);
            counted.add((int) lp[1]);
            anyLogprobs |= !Double.isNaN(lp[0]);
        }
        JsonNode usage = root.path("usage");
        boolean reported = usage.path("prompt_tokens").isNumber() && usage.path("completion_tokens").isNumber();
        int totalChars = texts.stream().mapToInt(String::length).sum();
        int promptTokens = reported ? usage.get("prompt_tokens").asInt() : estimateTokens(prompt.length());
        int completionTokens = reported ? usage.get("completion_tokens").asInt() : estimateTokens(totalChars);
        List<Completion.Sample> samples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int tokens = counted.get(i) >= 0 ? counted.get(i)
                    : texts.size() == 1 ? completionTokens
                    : totalChars == 0 ? completionTokens / texts.size()
                    : (int) Math.round((double) completionTokens * texts.get(i).length() / totalChars);
            samples.add(new Completion.Sample(texts.get(i), logps.get(i), finish.get(i), tokens));
        }
        return new Answer(samples, promptTokens, completionTokens, reported, anyLogprobs);
    }

    /** {sum of token log-probabilities, token count}, or {NaN, -1} where the choice has none. */
    private static double[] logProb(EndpointApi api, JsonNode lp) {
        JsonNode tokens = api == EndpointApi.CHAT ? lp.path("content") : lp.path("token_logprobs");
        if (!tokens.isArray() || tokens.isEmpty()) {
            return new double[] {Double.NaN, -1};
        }
        double sum = 0;
        int n = 0;
        for (JsonNode t : tokens) {
            JsonNode v = api == EndpointApi.CHAT ? t.path("logprob") : t;
            if (v.isNumber()) {
                sum += v.asDouble();
                n++;
            }
        }
        return n == 0 ? new double[] {Double.NaN, -1} : new double[] {sum, n};
    }

    /** About four characters a token, the usual rule of thumb, where the server reports no usage. */
    static int estimateTokens(int chars) {
        return (chars + 3) / 4;
    }

    /** The model ids of a {@code /v1/models} body. */
    static List<String> modelIds(String body) throws HttpCallFailure {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw garbage("malformed JSON from /models");
        }
        List<String> ids = new ArrayList<>();
        JsonNode data = root == null ? null : root.path("data");
        if (data != null && data.isArray()) {
            for (JsonNode m : data) {
                if (m.path("id").isTextual()) {
                    ids.add(m.get("id").asText());
                }
            }
        }
        return ids;
    }

    private static HttpCallFailure garbage(String what) {
        return new HttpCallFailure(200, false, -1, "answered " + what, "");
    }
}
