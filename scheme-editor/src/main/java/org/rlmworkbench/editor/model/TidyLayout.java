package org.rlmworkbench.editor.model;

import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jungrapht.visualization.layout.algorithms.SugiyamaLayoutAlgorithm;
import org.jungrapht.visualization.layout.algorithms.sugiyama.Layering;
import org.jungrapht.visualization.layout.model.LayoutModel;
import org.jungrapht.visualization.layout.model.Point;
import org.jungrapht.visualization.layout.model.Rectangle;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * Tidy layout: jungrapht's layered (Sugiyama) layout, run headless, turned on its side so the
 * flow reads left to right. Wires back into a Loop's {@code repeat} port are left out of the
 * layering, so the loop body lies to the right of its Loop instead of folding back.
 */
public final class TidyLayout {

    /** Width and height the layout reserves for one node, in canvas units. */
    public static final double NODE_W = 170;
    public static final double NODE_H = 110;
    private static final double MARGIN = 40;
    /** Distance between layers (left to right) and between nodes of one layer (top to bottom). */
    public static final double COLUMN = 200;
    public static final double ROW = 140;

    private TidyLayout() {
    }

    /** New positions for every node of {@code scheme}. */
    public static Map<String, Position> positions(Scheme scheme) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        scheme.nodes().forEach(n -> g.addVertex(n.id()));
        for (Wire w : scheme.wires()) {
            boolean back = w.toPort().equals("repeat") && scheme.node(w.to())
                    .map(n -> n.nodeType() == NodeType.LOOP).orElse(false);
            if (!back && g.containsVertex(w.from()) && g.containsVertex(w.to()) && !w.from().equals(w.to())
                    && !g.containsEdge(w.from(), w.to())) {
                g.addEdge(w.from(), w.to());
            }
        }
        Map<String, Position> out = new HashMap<>();
        if (g.vertexSet().isEmpty()) {
            return out;
        }
        LayoutModel<String> model = LayoutModel.<String>builder().graph(g).size(2000, 2000).build();
        SugiyamaLayoutAlgorithm<String, DefaultEdge> layout = SugiyamaLayoutAlgorithm.<String, DefaultEdge>edgeAwareBuilder()
                .threaded(false)
                .layering(Layering.LONGEST_PATH)
                .vertexBoundsFunction(v -> Rectangle.of(-NODE_H / 2, -NODE_W / 2, NODE_H, NODE_W))
                .build();
        model.accept(layout);
        // jungrapht decides the layers and the order within each layer (crossing minimisation);
        // the editor turns them into a compact grid: layers left to right, each centred vertically
        java.util.TreeMap<Long, java.util.List<String>> layers = new java.util.TreeMap<>();
        for (String v : g.vertexSet()) {
            Point p = model.get(v);
            layers.computeIfAbsent(Math.round(p.y), k -> new java.util.ArrayList<>()).add(v);
        }
        int widest = layers.values().stream().mapToInt(java.util.List::size).max().orElse(1);
        int rank = 0;
        for (java.util.List<String> layer : layers.values()) {
            layer.sort(java.util.Comparator.comparingDouble(v -> model.get(v).x));
            double offset = (widest - layer.size()) / 2.0;
            for (int k = 0; k < layer.size(); k++) {
                out.put(layer.get(k), new Position(MARGIN + rank * COLUMN, MARGIN + Math.round((offset + k) * ROW)));
            }
            rank++;
        }
        return out;
    }
}
