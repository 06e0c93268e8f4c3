package org.rlmworkbench.runner.operator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamSpec;
import org.rlmworkbench.runner.scheme.SchemeNode;

/** Typed access to a scheme node's parameters, with the catalogue's defaults and checks. */
public final class Params {
    private final SchemeNode node;
    private final NodeType type;
    /**
     * Checked values by name: a loop reads its parameters every iteration, and looking each one up
     * in the catalogue and checking it again was a large share of a fast simulation. Concurrent
     * because runs of one interpreter may go on several threads; a failed check is never kept, so
     * it fails again on the next read.
     */
    private final Map<String, Object> checked = new ConcurrentHashMap<>();
    /** Stands for a parameter whose value is null (absent optional), which the map cannot hold. */
    private static final Object ABSENT = new Object();

    public Params(SchemeNode node) {
        this.node = node;
        this.type = node.nodeType();
        if (type == null) {
            throw new RunFailedException("node '" + node.id() + "': unknown operator '" + node.type() + "'");
        }
    }

    public String nodeId() {
        return node.id();
    }

    private Object raw(String name) {
        Object v = checked.get(name);
        if (v == null) {
            v = check(name);
            checked.put(name, v == null ? ABSENT : v);
            return v;
        }
        return v == ABSENT ? null : v;
    }

    private Object check(String name) {
        ParamSpec spec = type.param(name).orElseThrow(() -> new IllegalStateException(
                type.typeName() + " has no parameter " + name));
        Object v = node.params().containsKey(name) ? node.params().get(name) : spec.defaultValue();
        try {
            return spec.check(v);
        } catch (IllegalArgumentException e) {
            throw new RunFailedException("node '" + node.id() + "', field params." + name + ": " + e.getMessage());
        }
    }

    public int integer(String name) {
        return (Integer) raw(name);
    }

    /** An optional integer parameter, or null when absent. */
    public Integer optionalInteger(String name) {
        return (Integer) raw(name);
    }

    public double real(String name) {
        return (Double) raw(name);
    }

    public Double optionalReal(String name) {
        return (Double) raw(name);
    }

    public String choice(String name) {
        return (String) raw(name);
    }

    public boolean flag(String name) {
        return (Boolean) raw(name);
    }
}
