package org.rlmworkbench.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A language model that answers from a script: fixed texts per prompt, and a list for any other
 * prompt. For tests and demos: it writes valid, invalid and duplicate steps on cue, with or without
 * log-probabilities. Sample {@code j} of a request is entry {@code j} of the prompt's list (cyclic);
 * with {@code rotate} the list starts at an offset drawn from the request's seed instead. A file:
 *
 * <pre>{@code
 * {
 *   "name": "demo",                 // optional; the file name otherwise
 *   "style": "state",               // or "few_shot"
 *   "delay_ms": 0,                  // optional: answers take this long (cancellable)
 *   "rotate": false,
 *   "responses": { "4 6 8 2": ["4 * 6 = 24 (left: 24 8 2)", {"text": "13 - 4 = 8", "logprob": -2.5}] },
 *   "default": ["sure"]             // for prompts not listed; omit to fail on them
 * }
 * }</pre>
 */
public final class ScriptedLanguageModel implements LanguageModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final PromptStyle style;
    private final Map<String, List<Completion.Sample>> responses;
    private final List<Completion.Sample> fallback;
    private final boolean rotate;
    private final long delayMillis;

    public ScriptedLanguageModel(String name, PromptStyle style, Map<String, List<Completion.Sample>> responses,
                                 List<Completion.Sample> fallback, boolean rotate, long delayMillis) {
        this.name = name;
        this.style = style;
        this.responses = Map.copyOf(responses);
        this.fallback = List.copyOf(fallback);
        this.rotate = rotate;
        this.delayMillis = delayMillis;
    }

    /** A script in code: texts without log-probabilities, answered at once. */
    public static ScriptedLanguageModel of(String name, PromptStyle style, Map<String, List<String>> texts,
                                           List<String> fallback) {
        Map<String, List<Completion.Sample>> r = new LinkedHashMap<>();
        texts.forEach((p, list) -> r.put(p, list.stream().map(ScriptedLanguageModel::sample).toList()));
        return new ScriptedLanguageModel(name, style, r, fallback.stream().map(ScriptedLanguageModel::sample).toList(),
                false, 0);
    }

    /** A sample of {@code text} without a log-probability. */
    public static Completion.Sample sample(String text) {
        return sample(text, Double.NaN);
    }

    public static Completion.Sample sample(String text, double logProb) {
        return new Completion.Sample(text, logProb, "stop", tokens(text));
    }

    /**
     * Reads a script file.
     *
     * @throws IOException naming the file and the field at fault
     */
    public static ScriptedLanguageModel read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("scripted model file " + file + " does not exist");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException("scripted model file " + file + " is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException("scripted model file " + file + ": expected a JSON object");
        }
        String styleText = root.path("style").asText("state").toUpperCase(Locale.ROOT);
        PromptStyle style;
        try {
            style = PromptStyle.valueOf(styleText);
        } catch (IllegalArgumentException e) {
            throw new IOException("scripted model file " + file + ", field style: '" + root.path("style").asText()
                    + "' is not one of state, few_shot");
        }
        Map<String, List<Completion.Sample>> r = new LinkedHashMap<>();
        JsonNode rs = root.path("responses");
        if (!rs.isMissingNode() && !rs.isObject()) {
            throw new IOException("scripted model file " + file + ", field responses: expected an object of prompt -> list");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            r.put(e.getKey(), samples(file, "responses[\"" + e.getKey() + "\"]", e.getValue()));
        }
        List<Completion.Sample> fallback = root.has("default") ? samples(file, "default", root.get("default")) : List.of();
        if (r.isEmpty() && fallback.isEmpty()) {
            throw new IOException("scripted model file " + file + ": no responses and no default; nothing to answer");
        }
        long delay = root.path("delay_ms").asLong(0);
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        String name = "scripted:" + root.path("name").asText(base) + "@" + sha(bytes);
        return new ScriptedLanguageModel(name, style, r, fallback, root.path("rotate").asBoolean(false),
                Math.max(0, delay));
    }

    private static List<Completion.Sample> samples(Path file, String field, JsonNode list) throws IOException {
        if (!list.isArray() || list.isEmpty()) {
            throw new IOException("scripted model file " + file + ", field " + field + ": expected a non-empty list");
        }
        List<Completion.Sample> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            if (x.isTextual()) {
                out.add(sample(x.asText()));
            } else if (x.isObject() && x.path("text").isTextual()) {
                out.add(sample(x.get("text").asText(), x.has("logprob") ? x.get("logprob").asDouble() : Double.NaN));
            } else {
                throw new IOException("scripted model file " + file + ", field " + field + "[" + i
                        + "]: expected a text or {\"text\": ..., \"logprob\": ...}");
            }
        }
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rough token count (four characters a token), as the scripted model reports it. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PromptStyle promptStyle() {
        return style;
    }

    @Override
    public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException {
        waitOut(cancel);
        List<Completion> out = new ArrayList<>(batch.size());
        for (CompletionRequest r : batch) {
            List<Completion.Sample> list = responses.getOrDefault(r.prompt(), fallback);
            if (list.isEmpty()) {
                throw new ModelCallException("scripted model '" + name + "' has no response for the prompt '"
                        + abbreviate(r.prompt()) + "' and no default", null);
            }
            int offset = rotate ? (int) Math.floorMod(r.seed(), (long) list.size()) : 0;
            List<Completion.Sample> samples = new ArrayList<>(r.n());
            for (int j = 0; j < r.n(); j++) {
                samples.add(list.get((offset + j) % list.size()));
            }
            out.add(new Completion(samples, tokens(r.prompt()), samples.stream().mapToInt(Completion.Sample::tokens).sum()));
        }
        return out;
    }

    private void waitOut(CancelToken cancel) throws ModelCallException {
        if (delayMillis <= 0) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (AutoCloseable handle = cancel.onCancel(stop::countDown)) {
            if (stop.await(delayMillis, TimeUnit.MILLISECONDS)) {
                throw new ModelCallException("scripted model '" + name + "': call cancelled", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("scripted model '" + name + "': interrupted", e, true);
        } catch (ModelCallException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
