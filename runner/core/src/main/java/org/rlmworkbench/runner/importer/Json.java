package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Small helpers for reading other tools' JSON strictly, with messages that say where and what. */
final class Json {
    private Json() {
    }

    /** A short description of a JSON value, for "found ..." in messages. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> it = n.fieldNames();
            while (it.hasNext() && keys.size() < 8) {
                keys.add(it.next());
            }
            return "an object with keys " + keys + (n.size() > keys.size() ? " and " + (n.size() - keys.size())
                    + " more" : "");
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty list" : "a list of " + n.size() + " whose first element is "
                    + describe(n.get(0));
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "the text \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        return n.isNull() ? "null" : "the " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }

    static JsonNode field(JsonNode obj, String name, String where) throws ImportFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw new ImportFormatException(where + ": no field '" + name + "' (found " + describe(obj) + ")");
        }
        return v;
    }

    static JsonNode array(JsonNode obj, String name, String where) throws ImportFormatException {
        JsonNode v = field(obj, name, where);
        if (!v.isArray()) {
            throw new ImportFormatException(where + "." + name + ": expected a list, found " + describe(v));
        }
        return v;
    }

    static String text(JsonNode v, String where) throws ImportFormatException {
        if (!v.isTextual()) {
            throw new ImportFormatException(where + ": expected text, found " + describe(v));
        }
        return v.asText();
    }

    static double number(JsonNode v, String where) throws ImportFormatException {
        if (!v.isNumber()) {
            throw new ImportFormatException(where + ": expected a number, found " + describe(v));
        }
        return v.asDouble();
    }

    /** A number, or NaN where the value is null or absent (Python's None). */
    static double numberOrNaN(JsonNode v, String where) throws ImportFormatException {
        return v == null || v.isNull() || v.isMissingNode() ? Double.NaN : number(v, where);
    }

    /** A value as node text: text as it is, anything else as compact JSON, cut at {@code max} characters. */
    static String asText(JsonNode v, int max) {
        String s = v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString();
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
