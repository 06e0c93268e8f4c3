package org.rlmworkbench.runner.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * The endpoints file: {@code {"endpoints": [{"name": ..., "base_url": ..., "model": ..., "api":
 * "completions"|"chat", "api_key_env": ..., "price_in": ..., "price_out": ..., "max_concurrency": ...,
 * "timeout_seconds": ...}]}}. It holds names of environment variables, never keys. The user's own
 * file lives in the config directory ({@link #userFile()}); a workspace or the CLI may name another.
 * Fields this version does not know (another tool's, a newer version's) are kept and written back:
 * per endpoint in {@code extraFields} (by endpoint name), beside {@code "endpoints"} in {@code otherFields}.
 *
 * @param extraFields per endpoint name, the fields of its object that {@link Endpoint} does not model
 * @param otherFields the top-level fields other than {@code endpoints}
 */
public record EndpointsFile(Path file, List<Endpoint> endpoints, Map<String, ObjectNode> extraFields,
        ObjectNode otherFields) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KNOWN = Set.of("name", "base_url", "model", "api", "api_key_env", "price_in",
            "price_out", "max_concurrency", "timeout_seconds", "prompt_style", "top_p");

    public EndpointsFile {
        endpoints = List.copyOf(endpoints);
        Map<String, ObjectNode> kept = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            ObjectNode x = extraFields.get(e.name());
            if (x != null && !x.isEmpty()) {
                kept.put(e.name(), x.deepCopy());
            }
        }
        extraFields = java.util.Collections.unmodifiableMap(kept);
        otherFields = otherFields == null ? JSON.createObjectNode() : otherFields.deepCopy();
    }

    /** A file with these endpoints and no fields beyond the known ones. */
    public EndpointsFile(Path file, List<Endpoint> endpoints) {
        this(file, endpoints, Map.of(), null);
    }

    /**
     * The user's endpoints file: {@code endpoints.json} in the system property {@code rlm.config.dir},
     * else {@code $XDG_CONFIG_HOME/rlm-workbench}, else {@code ~/.config/rlm-workbench}.
     */
    public static Path userFile() {
        String prop = System.getProperty("rlm.config.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop, "endpoints.json");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("rlm-workbench").resolve("endpoints.json");
    }

    /** The endpoints in {@code file}; an empty list when the file does not exist. */
    public static EndpointsFile loadOrEmpty(Path file) {
        if (!Files.exists(file)) {
            return new EndpointsFile(file, List.of());
        }
        return load(file);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws EndpointsFileException naming the file and the field when it is missing, not JSON, or wrong
     */
    public static EndpointsFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EndpointsFileException(file, "no such endpoints file");
        } catch (IOException e) {
            throw new EndpointsFileException(file, "cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EndpointsFileException(file, "not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject() || !root.path("endpoints").isArray()) {
            throw new EndpointsFileException(file, "expected {\"endpoints\": [...]}");
        }
        List<Endpoint> out = new ArrayList<>();
        Map<String, ObjectNode> extra = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode e : root.get("endpoints")) {
            Endpoint ep = parse(file, "endpoints[" + i + "]", e);
            if (!names.add(ep.name())) {
                throw new EndpointsFileException(file, "endpoints[" + i + "].name: '" + ep.name() + "' is used twice");
            }
            out.add(ep);
            extra.put(ep.name(), unknownFields((ObjectNode) e));
            i++;
        }
        ObjectNode others = ((ObjectNode) root).deepCopy();
        others.remove("endpoints");
        return new EndpointsFile(file, out, extra, others);
    }

    private static ObjectNode unknownFields(ObjectNode e) {
        ObjectNode x = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!KNOWN.contains(f.getKey())) {
                x.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        return x;
    }

    /**
     * One endpoint object as the file would hold it, checked the same way (for editors).
     *
     * @throws EndpointsFileException naming {@code file} and the field at fault
     */
    public static Endpoint parseOne(Path file, JsonNode e) {
        return parse(file, "endpoint", e);
    }

    private static Endpoint parse(Path file, String at, JsonNode e) {
        if (!e.isObject()) {
            throw new EndpointsFileException(file, at + ": expected an object");
        }
        String name = text(file, at, e, "name", true);
        String where = at + " ('" + name + "')";
        String baseUrl = text(file, where, e, "base_url", true);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new EndpointsFileException(file, where + ".base_url: expected http:// or https://, got '" + baseUrl + "'");
        }
        try {
            java.net.URI.create(baseUrl);
        } catch (IllegalArgumentException ex) {
            throw new EndpointsFileException(file, where + ".base_url: not a URL: " + ex.getMessage());
        }
        String model = text(file, where, e, "model", true);
        String apiText = Optional.ofNullable(text(file, where, e, "api", false)).orElse("completions");
        EndpointApi api = EndpointApi.of(apiText);
        if (api == null) {
            throw new EndpointsFileException(file, where + ".api: expected 'completions' or 'chat', got '" + apiText + "'");
        }
        String keyEnv = text(file, where, e, "api_key_env", false);
        if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new EndpointsFileException(file, where + ".api_key_env: expected the NAME of an environment variable"
                    + " (letters, digits, _), not a key");
        }
        double priceIn = number(file, where, e, "price_in", 0, 0, 1e6);
        double priceOut = number(file, where, e, "price_out", 0, 0, 1e6);
        double conc = number(file, where, e, "max_concurrency", Endpoint.DEFAULT_CONCURRENCY, 1, 1024);
        if (conc != Math.rint(conc)) {
            throw new EndpointsFileException(file, where + ".max_concurrency: expected a whole number, got " + conc);
        }
        double timeout = number(file, where, e, "timeout_seconds", Endpoint.DEFAULT_TIMEOUT_SECONDS, 0.001, 86400);
        String styleText = Optional.ofNullable(text(file, where, e, "prompt_style", false)).orElse("few_shot");
        PromptStyle style = switch (styleText) {
            case "few_shot" -> PromptStyle.FEW_SHOT;
            case "state" -> PromptStyle.STATE;
            default -> throw new EndpointsFileException(file, where + ".prompt_style: expected 'few_shot' or 'state', got '"
                    + styleText + "'");
        };
        Double topP = e.hasNonNull("top_p") ? number(file, where, e, "top_p", 1, 0, 1) : null;
        return new Endpoint(name, baseUrl, model, api, keyEnv, priceIn, priceOut, (int) conc, timeout, style, topP);
    }

    private static String text(Path file, String at, JsonNode e, String field, boolean required) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new EndpointsFileException(file, at + "." + field + ": missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new EndpointsFileException(file, at + "." + field + ": expected a non-empty string, got " + v);
        }
        return v.asText().trim();
    }

    private static double number(Path file, String at, JsonNode e, String field, double dflt, double min, double max) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new EndpointsFileException(file, at + "." + field + ": expected a number, got " + v);
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            throw new EndpointsFileException(file, String.format(Locale.ROOT, "%s.%s: must be between %s and %s, got %s",
                    at, field, fmt(min), fmt(max), fmt(d)));
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** The endpoint called {@code name}, if any. */
    public Optional<Endpoint> find(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** This file with {@code e} added, or replacing the endpoint of the same name (its unknown fields kept). */
    public EndpointsFile with(Endpoint e) {
        return replacing(e.name(), e);
    }

    /**
     * This file with the endpoint called {@code oldName} replaced by {@code e} in its place, renamed or
     * not, keeping the fields of the old one that this version does not know; {@code e} is added at the
     * end when there is no {@code oldName} (or it is null).
     */
    public EndpointsFile replacing(String oldName, Endpoint e) {
        List<Endpoint> out = new ArrayList<>();
        Map<String, ObjectNode> extra = new LinkedHashMap<>(extraFields);
        boolean replaced = false;
        for (Endpoint x : endpoints) {
            if (x.name().equals(oldName)) {
                out.add(e);
                ObjectNode old = extra.remove(oldName);
                if (old != null) {
                    extra.put(e.name(), old);
                }
                replaced = true;
            } else if (!x.name().equals(e.name())) {
                out.add(x);
            }
        }
        if (!replaced) {
            out.add(e);
        }
        return new EndpointsFile(file, out, extra, otherFields);
    }

    /** This file without the endpoint called {@code name}. */
    public EndpointsFile without(String name) {
        return new EndpointsFile(file, endpoints.stream().filter(e -> !e.name().equals(name)).toList(), extraFields,
                otherFields);
    }

    /** Writes the file atomically. */
    public void save() throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The file's text. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("endpoints");
        for (Endpoint e : endpoints) {
            ObjectNode o = arr.addObject();
            o.put("name", e.name());
            o.put("base_url", e.baseUrl());
            o.put("model", e.model());
            o.put("api", e.api().key());
            if (e.apiKeyEnv() != null) {
                o.put("api_key_env", e.apiKeyEnv());
            }
            o.put("price_in", e.priceIn());
            o.put("price_out", e.priceOut());
            o.put("max_concurrency", e.maxConcurrency());
            if (e.timeoutSeconds() == Math.rint(e.timeoutSeconds())) {
                o.put("timeout_seconds", (long) e.timeoutSeconds());
            } else {
                o.put("timeout_seconds", e.timeoutSeconds());
            }
            if (e.topP() != null) {
                o.put("top_p", e.topP());
            }
            if (e.promptStyle() == PromptStyle.STATE) {
                o.put("prompt_style", "state");
            }
            ObjectNode extra = extraFields.get(e.name());
            if (extra != null) {
                o.setAll(extra.deepCopy());
            }
        }
        root.setAll(otherFields.deepCopy());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
