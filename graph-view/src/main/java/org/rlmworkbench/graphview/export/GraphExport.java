package org.rlmworkbench.graphview.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * Writes a reasoning graph as GraphML, DOT or JSON with jgrapht-io. Each node carries its step
 * text, depth, N, Q, P, V, R and flags as attributes; edges point from parent to child.
 */
public final class GraphExport {

    /** The supported formats, with their usual file extension. */
    public enum Format {
        GRAPHML("graphml"), DOT("dot"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format whose extension {@code file} has. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.extension)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown graph format for " + file + " (use .graphml, .dot or .json)");
        }
    }

    private static final String[] NAMES = {"text", "depth", "N", "Q", "P", "V", "R", "terminal", "solved", "pruned",
                                           "aggregated"};
    private static final AttributeType[] TYPES = {AttributeType.STRING, AttributeType.INT, AttributeType.INT,
                                                  AttributeType.DOUBLE, AttributeType.DOUBLE, AttributeType.DOUBLE,
                                                  AttributeType.DOUBLE, AttributeType.BOOLEAN, AttributeType.BOOLEAN,
                                                  AttributeType.BOOLEAN, AttributeType.BOOLEAN};

    private GraphExport() {
    }

    /** Writes {@code graph} to {@code file} in the format its extension names. */
    public static void write(ReasoningGraph graph, Path file) throws IOException {
        write(graph, file, Format.of(file));
    }

    public static void write(ReasoningGraph graph, Path file, Format format) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(graph, w, format);
        }
    }

    /** The export as a string. */
    public static String toString(ReasoningGraph graph, Format format) {
        StringWriter w = new StringWriter();
        write(graph, w, format);
        return w.toString();
    }

    public static void write(ReasoningGraph graph, Writer out, Format format) {
        Objects.requireNonNull(graph, "graph is null");
        Graph<Integer, DefaultEdge> g = graph.asGraph();
        GraphExporter<Integer, DefaultEdge> exporter;
        switch (format) {
            case GRAPHML: {
                GraphMLExporter<Integer, DefaultEdge> e = new GraphMLExporter<>(String::valueOf);
                for (int i = 0; i < NAMES.length; i++) {
                    e.registerAttribute(NAMES[i], GraphMLExporter.AttributeCategory.NODE, TYPES[i]);
                }
                e.setVertexAttributeProvider(v -> attributes(graph, v));
                exporter = e;
                break;
            }
            case DOT: {
                DOTExporter<Integer, DefaultEdge> e = new DOTExporter<>(v -> "n" + v);
                e.setVertexAttributeProvider(v -> {
                    Map<String, Attribute> a = attributes(graph, v);
                    a.put("label", DefaultAttribute.createAttribute(graph.text(v) + "\nN=" + graph.visits(v)
                            + " Q=" + String.format(Locale.ROOT, "%.3f", graph.q(v))));
                    return a;
                });
                exporter = e;
                break;
            }
            case JSON:
            default: {
                JSONExporter<Integer, DefaultEdge> e = new JSONExporter<>(String::valueOf);
                e.setVertexAttributeProvider(v -> attributes(graph, v));
                exporter = e;
                break;
            }
        }
        exporter.exportGraph(g, out);
    }

    private static Map<String, Attribute> attributes(ReasoningGraph g, int v) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("text", DefaultAttribute.createAttribute(g.text(v)));
        a.put("depth", DefaultAttribute.createAttribute(g.depth(v)));
        a.put("N", DefaultAttribute.createAttribute(g.visits(v)));
        a.put("Q", DefaultAttribute.createAttribute(g.q(v)));
        a.put("P", DefaultAttribute.createAttribute(g.prior(v)));
        if (!Double.isNaN(g.value(v))) {
            a.put("V", DefaultAttribute.createAttribute(g.value(v)));
        }
        if (!Double.isNaN(g.reward(v))) {
            a.put("R", DefaultAttribute.createAttribute(g.reward(v)));
        }
        a.put("terminal", DefaultAttribute.createAttribute(g.isTerminal(v)));
        a.put("solved", DefaultAttribute.createAttribute(g.isSolved(v)));
        a.put("pruned", DefaultAttribute.createAttribute(g.isPruned(v)));
        a.put("aggregated", DefaultAttribute.createAttribute(g.isAggregated(v)));
        return a;
    }
}
