package org.rlmworkbench.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * What probes found, stored beside the endpoints file ({@code endpoints.json} gets
 * {@code endpoints.probe.json}), one entry per endpoint name. An unreadable store counts as empty:
 * it only saves the client some finding out.
 */
public final class ProbeStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ProbeStore(Path file) {
        this.file = file;
    }

    /** The store beside {@code endpointsFile}. */
    public static ProbeStore beside(Path endpointsFile) {
        String name = endpointsFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return new ProbeStore(endpointsFile.resolveSibling(stem + ".probe.json"));
    }

    public Path file() {
        return file;
    }

    /** The stored reports by endpoint name; empty when there is no store or it cannot be read. */
    public Map<String, ProbeReport> load() {
        Map<String, ProbeReport> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            JsonNode probes = JSON.readTree(file.toFile()).path("probes");
            probes.fields().forEachRemaining(e -> out.put(e.getKey(), read(e.getKey(), e.getValue())));
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    /** What is known of {@code endpoint}'s server: its last probe, or nothing. */
    public ServerSupport support(String endpoint) {
        ProbeReport r = load().get(endpoint);
        return r == null ? ServerSupport.UNKNOWN : r.support();
    }

    /** Adds or replaces the report of {@code r.endpoint()}, atomically. */
    public void save(ProbeReport r) throws IOException {
        Map<String, ProbeReport> all = load();
        all.put(r.endpoint(), r);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode probes = root.putObject("probes");
        all.forEach((name, p) -> probes.set(name, write(p)));
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static ObjectNode write(ProbeReport p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("probed_at", p.probedAt());
        if (p.models() != null) {
            ArrayNode a = o.putArray("models");
            p.models().forEach(a::add);
        }
        o.put("n", p.n().name().toLowerCase(Locale.ROOT));
        if (p.logprobs() != null) {
            o.put("logprobs", p.logprobs());
        }
        if (p.seed() != null) {
            o.put("seed", p.seed());
        }
        if (!Double.isNaN(p.latencyMillis())) {
            o.put("latency_ms", Math.round(p.latencyMillis() * 10) / 10.0);
        }
        if (p.error() != null) {
            o.put("error", p.error());
        }
        return o;
    }

    private static ProbeReport read(String name, JsonNode o) {
        List<String> models = null;
        if (o.path("models").isArray()) {
            models = new ArrayList<>();
            for (JsonNode m : o.get("models")) {
                models.add(m.asText());
            }
        }
        NSupport n;
        try {
            n = NSupport.valueOf(o.path("n").asText("unknown").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            n = NSupport.UNKNOWN;
        }
        Boolean logprobs = o.path("logprobs").isBoolean() ? o.get("logprobs").asBoolean() : null;
        Boolean seed = o.path("seed").isBoolean() ? o.get("seed").asBoolean() : null;
        double ms = o.path("latency_ms").isNumber() ? o.get("latency_ms").asDouble() : Double.NaN;
        String error = o.path("error").isTextual() ? o.get("error").asText() : null;
        return new ProbeReport(name, o.path("probed_at").asText(""), models, n, logprobs, seed, ms, error);
    }
}
