package org.rlmworkbench.graphview.layout;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jungrapht.visualization.layout.algorithms.BalloonLayoutAlgorithm;
import org.jungrapht.visualization.layout.algorithms.SugiyamaLayoutAlgorithm;
import org.jungrapht.visualization.layout.algorithms.LayoutAlgorithm;
import org.jungrapht.visualization.layout.algorithms.TidierRadialTreeLayoutAlgorithm;
import org.jungrapht.visualization.layout.algorithms.TidierTreeLayoutAlgorithm;
import org.jungrapht.visualization.layout.model.LayoutModel;
import org.jungrapht.visualization.layout.model.Point;
import org.jungrapht.visualization.layout.model.Rectangle;

/**
 * Computes node coordinates with jungrapht-visualization's layout algorithms, headless, over a
 * JGraphT graph of the visible nodes. Pure computation without JavaFX: may run on any thread; each
 * call builds its own graph and layout model.
 *
 * <pre>{@code
 * NodeLayout l = new GraphLayouter(LayoutSettings.defaults()).layout(input, LayoutKind.TREE);
 * double x = l.x()[nodeId];
 * }</pre>
 */
public final class GraphLayouter {

    /**
     * Above this many nodes LAYERED falls back to TREE: jungrapht's Sugiyama layout took about a
     * second for 1,000 nodes and well over a minute for 10,000 (see LayoutBenchmark).
     */
    public static final int LAYERED_MAX_NODES = 2_000;

    private final LayoutSettings settings;

    public GraphLayouter(LayoutSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    /**
     * Lays out the visible nodes of {@code input}. LAYERED over more than {@link #LAYERED_MAX_NODES}
     * visible nodes is laid out as TREE.
     *
     * @return coordinates per node id (NaN for hidden nodes), with the first root near the top left
     */
    public NodeLayout layout(LayoutInput input, LayoutKind requested) {
        LayoutKind kind = requested;
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(requested, "kind is null");
        int n = input.size();
        double[] x = new double[n];
        double[] y = new double[n];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        Graph<Integer, Integer> g = toGraph(input, kind == LayoutKind.LAYERED);
        if (kind == LayoutKind.LAYERED && g.vertexSet().size() > LAYERED_MAX_NODES) {
            kind = LayoutKind.TREE;
            g = toGraph(input, false);
        }
        if (g.vertexSet().isEmpty()) {
            return NodeLayout.of(x, y);
        }
        int w = settings.cardWidth() + settings.gapX();
        int h = settings.cardHeight() + settings.gapY();
        int side = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(600, Math.sqrt(g.vertexSet().size()) * w * 2));
        LayoutModel<Integer> model = LayoutModel.<Integer>builder().graph(g).size(side, side)
                .createVisRunnable(false).build();
        model.setFireEvents(false);
        model.accept(algorithm(kind, input));
        Map<Integer, Point> locations = model.getLocations();
        for (Map.Entry<Integer, Point> e : locations.entrySet()) {
            x[e.getKey()] = e.getValue().x;
            y[e.getKey()] = e.getValue().y;
        }
        return NodeLayout.of(x, y);
    }

    private LayoutAlgorithm<Integer> algorithm(LayoutKind kind, LayoutInput input) {
        // jungrapht's tidy tree spaces neighbours three bounds apart (a bound and half a bound of
        // padding on each side), so the bounds are a third of the slot a card needs
        double slotW = (settings.cardWidth() + settings.gapX()) / 3.0;
        double slotH = (settings.cardHeight() + settings.gapY()) / 3.0;
        Function<Integer, Rectangle> bounds = v -> Rectangle.of(-slotW / 2, -slotH / 2, slotW, slotH);
        Comparator<Integer> byOrder = input.order() == null ? Comparator.naturalOrder()
                : Comparator.comparingInt(v -> input.order()[v]);
        switch (kind) {
            case RADIAL:
                return TidierRadialTreeLayoutAlgorithm.<Integer, Integer>edgeAwareBuilder()
                        .vertexBoundsFunction(bounds).vertexComparator(byOrder).build();
            case BALLOON:
                return BalloonLayoutAlgorithm.<Integer>builder()
                        .horizontalVertexSpacing(settings.cardWidth() + settings.gapX())
                        .verticalVertexSpacing(settings.cardHeight() + settings.gapY()).build();
            case LAYERED:
                return SugiyamaLayoutAlgorithm.<Integer, Integer>edgeAwareBuilder()
                        .vertexBoundsFunction(v -> Rectangle.of(-settings.cardWidth() / 2.0,
                                -settings.cardHeight() / 2.0, settings.cardWidth() + settings.gapX(),
                                settings.cardHeight() + settings.gapY()))
                        .expandLayout(false).straightenEdges(false).postStraighten(false).threaded(false).build();
            case TREE:
            default:
                return TidierTreeLayoutAlgorithm.<Integer, Integer>edgeAwareBuilder()
                        .vertexBoundsFunction(bounds).vertexComparator(byOrder)
                        .horizontalVertexSpacing(settings.gapX()).verticalVertexSpacing(settings.gapY()).expandLayout(false)
                        .build();
        }
    }

    /**
     * The visible nodes with first-parent edges (edge id = child id), plus the extra DAG edges when
     * {@code dag}. Edges are Integers rather than JGraphT's intrusive DefaultEdge because
     * jungrapht's tree algorithms copy edges into graphs of their own.
     */
    /* The visible nodes with first-parent edges, plus the extra DAG edges when {@code dag}. */
    static Graph<Integer, Integer> toGraph(LayoutInput input, boolean dag) {
        Graph<Integer, Integer> g = GraphTypeBuilder.<Integer, Integer>directed().allowingMultipleEdges(false)
                .allowingSelfLoops(false).weighted(false).buildGraph();
        int n = input.size();
        int extraEdge = n;
        for (int i = 0; i < n; i++) {
            if (input.visible()[i]) {
                g.addVertex(i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!input.visible()[i]) {
                continue;
            }
            int p = input.parent()[i];
            if (p >= 0 && input.visible()[p]) {
                g.addEdge(p, i, i);
            }
            if (dag) {
                for (int e : input.extras(i)) {
                    if (e >= 0 && input.visible()[e] && e != p) {
                        g.addEdge(e, i, extraEdge++);
                    }
                }
            }
        }
        return g;
    }
}
