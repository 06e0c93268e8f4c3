package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamSpec;
import org.rlmworkbench.runner.scheme.SchemeNode;

/** Typed access to a scheme node's parameters, with the catalogue's defaults and checks. */
public final class Params {
    private final SchemeNode node;
    private final NodeType type;

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
