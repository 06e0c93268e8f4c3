package org.rlmworkbench.runner.scheme;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.io.TextFiles;

/**
 * Reads and writes scheme files (JSON, versioned). Reading never throws on bad content: every
 * problem comes back as a {@link SchemeError} with its node and field, and malformed JSON with
 * its line and column. Writing is atomic: a temporary file is written, then moved into place.
 */
public final class SchemeIO {

    /** The value of the {@code format} field that marks a scheme file. */
    public static final String FORMAT = "rlm-workbench-scheme";

    /** The largest scheme file read: far above any real scheme, far below a heap. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private SchemeIO() {
    }

    /** Reads, then validates, a scheme file. */
    public static SchemeLoad read(Path file) {
        String text;
        try {
            text = TextFiles.read(file, "a scheme file", MAX_FILE_BYTES);
        } catch (IOException e) {
            String m = e.getMessage().startsWith(file + ": ") ? e.getMessage().substring(file.toString().length() + 2)
                    : e.getMessage();
            return new SchemeLoad(file.toString(), null, List.of(SchemeError.error(null, null, "cannot read file: " + m)));
        }
        return parse(file.toString(), text);
    }

    /** Parses, then validates, scheme JSON text; {@code source} names it in messages. */
    public static SchemeLoad parse(String source, String text) {
        List<SchemeError> errors = new ArrayList<>();
        JsonNode root;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
            return new SchemeLoad(source, null,
                    List.of(SchemeError.error(null, null, "malformed JSON at " + where + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new SchemeLoad(source, null,
                    List.of(SchemeError.error(null, null, "not a scheme: the file must hold a JSON object")));
        }
        Scheme scheme = fromTree((ObjectNode) root, errors);
        if (scheme != null) {
            errors.addAll(SchemeValidator.validate(scheme));
        }
        return new SchemeLoad(source, scheme, errors);
    }

    private static Scheme fromTree(ObjectNode root, List<SchemeError> errors) {
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            errors.add(SchemeError.error(null, "format", "not a scheme file: expected \"format\": \"" + FORMAT + "\""));
            return null;
        }
        JsonNode v = root.path("version");
        int version = v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : -1;
        if (version < 1 || version > Scheme.CURRENT_VERSION) {
            errors.add(SchemeError.error(null, "version", "unsupported version " + digits(v.toString())
                    + "; this build reads versions 1 to " + Scheme.CURRENT_VERSION));
            return null;
        }
        String name = root.path("name").asText("");
        if (name.isBlank()) {
            errors.add(SchemeError.warning(null, "name", "the scheme has no name"));
        }
        List<SchemeNode> nodes = new ArrayList<>();
        JsonNode nodesJson = root.get("nodes");
        if (nodesJson == null || !nodesJson.isArray()) {
            errors.add(SchemeError.error(null, "nodes", "missing or not a list"));
        } else {
            for (int i = 0; i < nodesJson.size(); i++) {
                SchemeNode n = nodeFromTree(nodesJson.get(i), i, errors);
                if (n != null) {
                    nodes.add(n);
                }
            }
        }
        List<Wire> wires = new ArrayList<>();
        JsonNode wiresJson = root.get("wires");
        if (wiresJson == null || !wiresJson.isArray()) {
            errors.add(SchemeError.error(null, "wires", "missing or not a list"));
        } else {
            for (int i = 0; i < wiresJson.size(); i++) {
                JsonNode w = wiresJson.get(i);
                String f = "wires[" + i + "]";
                if (!w.isObject()) {
                    errors.add(SchemeError.error(null, f, "a wire must be an object with from, fromPort, to, toPort"));
                    continue;
                }
                String from = w.path("from").asText(null);
                String fromPort = w.path("fromPort").asText(null);
                String to = w.path("to").asText(null);
                String toPort = w.path("toPort").asText(null);
                if (from == null || fromPort == null || to == null || toPort == null) {
                    errors.add(SchemeError.error(from, f, "a wire needs from, fromPort, to and toPort"));
                    continue;
                }
                wires.add(new Wire(from, fromPort, to, toPort));
            }
        }
        return new Scheme(version, name, root.path("description").asText(""), nodes, wires);
    }

    private static SchemeNode nodeFromTree(JsonNode n, int index, List<SchemeError> errors) {
        String f = "nodes[" + index + "]";
        if (!n.isObject()) {
            errors.add(SchemeError.error(null, f, "a node must be an object"));
            return null;
        }
        String id = n.path("id").asText("");
        if (id.isBlank()) {
            errors.add(SchemeError.error(null, f + ".id", "a node needs an id"));
            return null;
        }
        String type = n.path("type").asText("");
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = n.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                errors.add(SchemeError.error(id, "params", "must be an object"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> it = p.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    Object value;
                    if (v.isIntegralNumber()) {
                        if (!v.canConvertToLong()) {
                            errors.add(SchemeError.error(id, "params." + e.getKey(), "the number " + digits(v.asText())
                                    + " is too large (more than 19 digits)"));
                            continue;
                        }
                        value = v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
                    } else if (v.isNumber()) {
                        double d = v.doubleValue();
                        if (!Double.isFinite(d)) {
                            errors.add(SchemeError.error(id, "params." + e.getKey(), "the number " + digits(v.asText())
                                    + " is too large for a number"));
                            continue;
                        }
                        value = d;
                    } else if (v.isBoolean()) {
                        value = v.booleanValue();
                    } else if (v.isTextual()) {
                        value = v.textValue();
                    } else {
                        errors.add(SchemeError.error(id, "params." + e.getKey(),
                                "must be a number, text or true/false, got " + v.getNodeType().name().toLowerCase()));
                        continue;
                    }
                    params.put(e.getKey(), value);
                }
            }
        }
        Position pos = new Position(n.path("x").asDouble(0), n.path("y").asDouble(0));
        return new SchemeNode(id, type, params, pos, n.path("breakpoint").asBoolean(false));
    }

    /** A long number shortened for a message: its first digits and how many there are. */
    private static String digits(String number) {
        return number.length() <= 24 ? number : number.substring(0, 12) + "... (" + number.length() + " characters)";
    }

    /** The scheme as canonical JSON text; {@link #parse} reads it back to an equal scheme. */
    public static String toJson(Scheme scheme) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", Scheme.CURRENT_VERSION);
        root.put("name", scheme.name());
        root.put("description", scheme.description());
        ArrayNode nodes = root.putArray("nodes");
        for (SchemeNode n : scheme.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type());
            ObjectNode params = o.putObject("params");
            n.params().forEach((k, v) -> {
                if (v instanceof Integer i) {
                    params.put(k, i);
                } else if (v instanceof Long l) {
                    params.put(k, l);
                } else if (v instanceof Number d) {
                    params.put(k, d.doubleValue());
                } else if (v instanceof Boolean b) {
                    params.put(k, b);
                } else {
                    params.put(k, String.valueOf(v));
                }
            });
            o.put("x", n.position().x());
            o.put("y", n.position().y());
            if (n.breakpoint()) {
                o.put("breakpoint", true);
            }
        }
        ArrayNode wires = root.putArray("wires");
        for (Wire w : scheme.wires()) {
            ObjectNode o = wires.addObject();
            o.put("from", w.from());
            o.put("fromPort", w.fromPort());
            o.put("to", w.to());
            o.put("toPort", w.toPort());
        }
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            return MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: writing a tree", e);
        }
    }

    /** Writes the scheme atomically: to a temporary file beside {@code file}, then moved over it. */
    public static void write(Scheme scheme, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(scheme));
    }
}
