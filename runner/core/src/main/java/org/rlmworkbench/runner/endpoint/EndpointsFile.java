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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * The endpoints file: {@code {"endpoints": [{"name": ..., "base_url": ..., "model": ..., "api":
 * "completions"|"chat", "api_key_env": ..., "price_in": ..., "price_out": ..., "max_concurrency": ...,
 * "timeout_seconds": ...}]}}. It holds names of environment variables, never keys. The user's own
 * file lives in the config directory ({@link #userFile()}); a workspace or the CLI may name another.
 */
public record EndpointsFile(Path file, List<Endpoint> endpoints) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EndpointsFile {
        endpoints = List.copyOf(endpoints);
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
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode e : root.get("endpoints")) {
            Endpoint ep = parse(file, "endpoints[" + i + "]", e);
            if (!names.add(ep.name())) {
                throw new EndpointsFileException(file, "endpoints[" + i + "].name: '" + ep.name() + "' is used twice");
            }
            out.add(ep);
            i++;
        }
        return new EndpointsFile(file, out);
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

    /** This file with {@code e} added, or replacing the endpoint of the same name. */
    public EndpointsFile with(Endpoint e) {
        List<Endpoint> out = new ArrayList<>();
        boolean replaced = false;
        for (Endpoint x : endpoints) {
            if (x.name().equals(e.name())) {
                out.add(e);
                replaced = true;
            } else {
                out.add(x);
            }
        }
        if (!replaced) {
            out.add(e);
        }
        return new EndpointsFile(file, out);
    }

    /** This file without the endpoint called {@code name}. */
    public EndpointsFile without(String name) {
        return new EndpointsFile(file, endpoints.stream().filter(e -> !e.name().equals(name)).toList());
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
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
