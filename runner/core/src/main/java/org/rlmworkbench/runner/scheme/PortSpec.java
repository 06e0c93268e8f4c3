package org.rlmworkbench.runner.scheme;

/**
 * A port of a node type. Every port carries a working set (a list of reasoning-node ids); an
 * input port accepts many wires (control flow merges), an output port feeds exactly one.
 */
public record PortSpec(String name, PortDirection direction, String doc) {
    public static PortSpec in(String name, String doc) {
        return new PortSpec(name, PortDirection.IN, doc);
    }

    public static PortSpec out(String name, String doc) {
        return new PortSpec(name, PortDirection.OUT, doc);
    }
}
