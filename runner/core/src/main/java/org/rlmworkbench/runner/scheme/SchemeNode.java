package org.rlmworkbench.runner.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a scheme: an operator or control node of a given {@code type} (see {@link NodeType})
 * with its parameters. Parameter values are Integer, Double, String or Boolean, in file order.
 */
public record SchemeNode(String id, String type, Map<String, Object> params, Position position, boolean breakpoint) {

    public SchemeNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        position = position == null ? Position.ORIGIN : position;
    }

    public SchemeNode(String id, String type, Map<String, Object> params) {
        this(id, type, params, Position.ORIGIN, false);
    }

    /** The known node type, or null for an unknown type name. */
    public NodeType nodeType() {
        return NodeType.byName(type);
    }

    public SchemeNode withParam(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        if (value == null) {
            p.remove(name);
        } else {
            p.put(name, value);
        }
        return new SchemeNode(id, type, p, position, breakpoint);
    }

    public SchemeNode withPosition(Position p) {
        return new SchemeNode(id, type, params, p, breakpoint);
    }

    public SchemeNode withBreakpoint(boolean on) {
        return new SchemeNode(id, type, params, position, on);
    }

    public SchemeNode withId(String newId) {
        return new SchemeNode(newId, type, params, position, breakpoint);
    }
}
