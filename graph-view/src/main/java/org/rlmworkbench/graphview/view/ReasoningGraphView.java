package org.rlmworkbench.graphview.view;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.GrowthPlacement;
import org.rlmworkbench.graphview.layout.IncrementalTreeLayout;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.graphview.model.Cue;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The reasoning graph as a navigable, animated picture: a Region that draws on a Canvas, so that it
 * stays fast at 10,000 to 100,000 nodes (culling to the viewport, level of detail by zoom).
 * Coordinates come from jungrapht layouts ({@link GraphLayouter}); large layouts run on a worker
 * thread. Everything shown comes from a {@link GraphViewModel}, i.e. from the run's events.
 *
 * <p>Mouse: wheel or pinch zooms, drag pans, click selects, double-click folds a subtree. Keys:
 * {@code + - 0} zoom and fit, {@code C} centres the selection, arrows go to parent (up), most
 * visited child (down) and siblings (left, right), {@code Space} folds.
 *
 * <pre>{@code
 * GraphViewModel model = new GraphViewModel();
 * ReasoningGraphView view = new ReasoningGraphView(model);
 * view.selectedNodeProperty().addListener((o, a, b) -> inspector.show(b.intValue()));
 * }</pre>
 */
public class ReasoningGraphView extends Region {

    /** Above this many nodes the layout runs on a worker thread. */
    public static final int ASYNC_LAYOUT_THRESHOLD = 500;
    /** Base duration of a glide at speed 1. */
    static final long GLIDE_NANOS = 450_000_000L;
    static final long EFFECT_NANOS = 700_000_000L;

    private final GraphViewModel model;
    private final Canvas canvas = new Canvas();
    private final Minimap minimap;
    private final Label hover = new Label();
    private final GraphPainter painter = new GraphPainter();
    private final CanvasSurface surface = new CanvasSurface(canvas.getGraphicsContext2D(), new DotRaster());
    private final LayoutSettings layoutSettings = LayoutSettings.defaults();
    private final GraphLayouter layouter = new GraphLayouter(layoutSettings);
    private final Viewport viewport = new Viewport();
    private final Motion motion = new Motion();
    private final List<Effect> effects = new ArrayList<>();
    private final BitSet collapsed = new BitSet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "graph-view-layout");
        t.setDaemon(true);
        return t;
    });

    private final ObjectProperty<LayoutKind> layoutKind = new SimpleObjectProperty<>(this, "layoutKind",
            LayoutKind.TREE);
    private final BooleanProperty animated = new SimpleBooleanProperty(this, "animated", true);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final BooleanProperty hidePruned = new SimpleBooleanProperty(this, "hidePruned", false);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 0);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty autoFit = new SimpleBooleanProperty(this, "autoFit", true);
    private final DoubleProperty maxFitScale = new SimpleDoubleProperty(this, "maxFitScale", 1.0);
    private final BooleanProperty showLegend = new SimpleBooleanProperty(this, "showLegend", true);
    private final BooleanProperty showMinimap = new SimpleBooleanProperty(this, "showMinimap", true);
    private final DoubleProperty minCardFraction = new SimpleDoubleProperty(this, "minCardFraction", 0);
    private final BooleanProperty showSelectionPath = new SimpleBooleanProperty(this, "showSelectionPath", false);
    private final BooleanProperty foldPruned = new SimpleBooleanProperty(this, "foldPruned", true);
    private final ObjectProperty<QColorScale> colorScale = new SimpleObjectProperty<>(this, "colorScale",
            QColorScale.symmetric());
    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(this, "selectedNode", -1);
    private final ReadOnlyIntegerWrapper layoutRevision = new ReadOnlyIntegerWrapper(this, "layoutRevision");

    private NodeLayout layout = NodeLayout.empty();
    /** Whether {@link #layout} is a final tidy tree (jungrapht's or grown from one), the base for growth. */
    private boolean layoutIsTree;
    private boolean lastLayoutIncremental;
    /** Grid over the target positions for culling, built with each layout. */
    private SpatialIndex index;
    /** Typical sibling distance over the slot a card needs, at most 1; radial layouts pack closer. */
    private double packing = 1;
    private boolean[] visible = new boolean[0];
    private BitSet bestPath = new BitSet();
    private BitSet matches = new BitSet();
    private boolean dirty = true;
    private boolean layoutRunning;
    private boolean layoutPending;
    /** Bumped by every synchronous layout, so that an older worker result is dropped. */
    private int layoutGeneration;
    private boolean userMoved;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private long lastLayoutNanos;
    private long lastFrameNanos;
    private boolean wasActive;
    private boolean selectionPathChanged;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    public ReasoningGraphView(GraphViewModel model) {
        this.model = Objects.requireNonNull(model, "model is null");
        getStyleClass().add(GraphViewStyles.GRAPH_VIEW);
        getStylesheets().add(GraphViewStyles.stylesheet());
        minimap = new Minimap(this::centreOnWorld);
        hover.getStyleClass().add(GraphViewStyles.HOVER);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        hover.setWrapText(true);
        hover.setMaxWidth(420);
        getChildren().addAll(canvas, minimap, hover);
        setFocusTraversable(true);
        setMinSize(200, 150);
        setPrefSize(1000, 700);
        pseudoClassStateChanged(GraphViewStyles.EMPTY, true);

        model.structureRevisionProperty().addListener((o, a, b) -> relayout());
        model.revisionProperty().addListener((o, a, b) -> {
            pseudoClassStateChanged(GraphViewStyles.EMPTY, model.size() == 0);
            dirty = true;
        });
        model.bestPathProperty().addListener((o, a, b) -> {
            bestPath = bits(b);
            dirty = true;
        });
        model.addCueListener(this::onCue);
        layoutKind.addListener((o, a, b) -> {
            userMoved = false;
            relayout();
        });
        hidePruned.addListener((o, a, b) -> relayout());
        topK.addListener((o, a, b) -> relayout());
        maxFitScale.addListener((o, a, b) -> {
            if (autoFit.get() && !userMoved) {
                fitToView();
            }
        });
        searchText.addListener((o, a, b) -> updateMatches());
        showLegend.addListener((o, a, b) -> dirty = true);
        showMinimap.addListener((o, a, b) -> {
            minimap.enabled(b);
            dirty = true;
        });
        minCardFraction.addListener((o, a, b) -> {
            if (autoFit.get() && !userMoved) {
                fitToView();
            }
        });
        showSelectionPath.addListener((o, a, b) -> relayout());
        // a fast run selects many times per batch: the path is looked at once per frame
        model.selectionPathProperty().addListener((o, a, b) -> selectionPathChanged = true);
        colorScale.addListener((o, a, b) -> dirty = true);
        selectedNode.addListener((o, a, b) -> dirty = true);

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
            requestFocus();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                viewport.pan(e.getX() - pressX, e.getY() - pressY);
                pressX = e.getX();
                pressY = e.getY();
                dragged = true;
                userMoved = true;
                dirty = true;
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onHover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        timer.start();
    }

    // ---- properties

    /** The layout algorithm; changing it re-lays out. */
    public ObjectProperty<LayoutKind> layoutKindProperty() {
        return layoutKind;
    }

    /** Whether growth glides and events animate; off for large runs. */
    public BooleanProperty animatedProperty() {
        return animated;
    }

    /** Animation speed factor: 1 normal, 0.25 four times slower. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty hidePrunedProperty() {
        return hidePruned;
    }

    /** Children kept per node, most visited first; 0 shows all. */
    public IntegerProperty topKProperty() {
        return topK;
    }

    /** Case-insensitive text to find in step texts; matches are ringed. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Whether the view fits the graph after each layout until the user pans or zooms. */
    public BooleanProperty autoFitProperty() {
        return autoFit;
    }

    /**
     * The largest zoom that fitting may choose: 1 shows cards at their natural size at most; a
     * presentation sets more, so that a small tree fills the screen and its cards grow with it.
     */
    public DoubleProperty maxFitScaleProperty() {
        return maxFitScale;
    }

    /** Whether the minimap shows in the lower right corner; a presentation hides it, as it would cover the tree. */
    public BooleanProperty showMinimapProperty() {
        return showMinimap;
    }

    /**
     * The narrowest a node's card may be drawn when fitting, as a fraction of the view's width (0:
     * no limit). A presentation sets it so that cards and their numbers grow with the screen; a
     * tree too large to fit at that size is not shrunk but followed: the view centres on the node
     * the search is working on. A small tree may be enlarged up to cards twice that width.
     */
    public DoubleProperty minCardFractionProperty() {
        return minCardFraction;
    }

    /**
     * Whether the path of the current iteration (root to the child the latest Select chose) is kept
     * on screen whatever the best-k filter says and drawn as a blue trail, its end ringed.
     */
    public BooleanProperty showSelectionPathProperty() {
        return showSelectionPath;
    }

    /** Whether a node's subtree folds when the node is pruned (it can be unfolded again). */
    public BooleanProperty foldPrunedProperty() {
        return foldPruned;
    }

    public BooleanProperty showLegendProperty() {
        return showLegend;
    }

    public ObjectProperty<QColorScale> colorScaleProperty() {
        return colorScale;
    }

    /** The selected node id, -1 for none: what an inspector shows. */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** Incremented each time a new layout is applied. */
    public ReadOnlyIntegerProperty layoutRevisionProperty() {
        return layoutRevision.getReadOnlyProperty();
    }

    public GraphViewModel model() {
        return model;
    }

    public LayoutSettings layoutSettings() {
        return layoutSettings;
    }

    // ---- queries

    /** The target layout (where nodes are going), NaN for hidden nodes. */
    public NodeLayout nodeLayout() {
        return layout;
    }

    /** Whether a layout is being computed on the worker thread (or one is queued behind it). */
    public boolean isLayoutRunning() {
        return layoutRunning || layoutPending;
    }

    /** Whether node {@code id} is shown by the current filter and folding. */
    public boolean isShown(int id) {
        return id >= 0 && id < visible.length && visible[id] && layout.placed(id);
    }

    /** Number of nodes currently shown. */
    public int shownCount() {
        int n = 0;
        for (int i = 0; i < visible.length; i++) {
            if (isShown(i)) {
                n++;
            }
        }
        return n;
    }

    /** Node {@code id}'s target centre in world coordinates, or null if not shown. */
    public Point2D worldPosition(int id) {
        return isShown(id) ? new Point2D(layout.x()[id], layout.y()[id]) : null;
    }

    /** Node {@code id}'s current centre on screen (mid-transition included), or null. */
    public Point2D screenPosition(int id) {
        if (!isShown(id) || id >= motion.x().length || Double.isNaN(motion.x()[id])) {
            return null;
        }
        return new Point2D(viewport.toScreenX(motion.x()[id]), viewport.toScreenY(motion.y()[id]));
    }

    /** The first line a node's card shows at full detail. */
    public String cardLabel(int id) {
        double fs = 11.5;
        int maxChars = (int) ((layoutSettings.cardWidth() - 14) / (fs * 0.56));
        return GraphPainter.cardText(model.graph().text(id), maxChars);
    }

    /** The layout the minimap draws its dots from: the same as {@link #nodeLayout()} once a layout is applied. */
    public NodeLayout minimapLayout() {
        return minimap.drawnLayout();
    }

    /** Whether the minimap is on screen. */
    public boolean isMinimapShown() {
        return minimap.isVisible();
    }

    /** The level of detail at the current zoom. */
    public DetailLevel detailLevel() {
        return DetailLevel.forCardWidth(layoutSettings.cardWidth() * viewport.scale() * packing);
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Nodes whose text matches the search. */
    public BitSet matches() {
        return (BitSet) matches.clone();
    }

    public boolean isCollapsed(int id) {
        return collapsed.get(id);
    }

    /**
     * Whether the last layout was grown from the previous one ({@link IncrementalTreeLayout}) rather
     * than computed by jungrapht.
     */
    public boolean lastLayoutIncremental() {
        return lastLayoutIncremental;
    }

    /** Milliseconds the last layout took. */
    public double lastLayoutMillis() {
        return lastLayoutNanos / 1e6;
    }

    /** Milliseconds the last painted frame took to record. */
    public double lastFrameMillis() {
        return lastFrameNanos / 1e6;
    }

    /** The frame as it would be painted now, for exports. */
    public Frame frame(double width, double height, Viewport vp) {
        motion.grow(model.size());
        return new Frame(model.graph(), motion.x(), motion.y(), motion.alpha(), visible, collapsed,
                selectedNode.get(), bestPath, matches, List.copyOf(effects), System.nanoTime(), vp, width, height,
                colorScale.get(), layoutSettings, showLegend.get(),
                DetailLevel.forCardWidth(layoutSettings.cardWidth() * vp.scale() * packing),
                packing, layoutKind.get() == LayoutKind.TREE || layoutKind.get() == LayoutKind.LAYERED,
                cullingIndex());
    }

    /**
     * A viewport that shows the whole laid-out graph in {@code width} x {@code height} pixels,
     * enlarging up to {@code maxScale}: for exports at a chosen size, independent of the screen.
     */
    public Viewport fittedViewport(double width, double height, double maxScale) {
        Viewport vp = new Viewport();
        vp.fit(layout.minX() - layoutSettings.cardWidth(), layout.minY() - layoutSettings.cardHeight(),
                layout.maxX() + layoutSettings.cardWidth(), layout.maxY() + layoutSettings.cardHeight(), width, height,
                10, maxScale);
        return vp;
    }

    /** The size in pixels of the whole laid-out graph at scale 1 (cards at their natural size), margins included. */
    public Point2D naturalSize() {
        if (model.size() == 0) {
            return new Point2D(200, 150);
        }
        return new Point2D(layout.maxX() - layout.minX() + 2 * layoutSettings.cardWidth() + 20,
                layout.maxY() - layout.minY() + 2 * layoutSettings.cardHeight() + 20);
    }

    /** The culling grid over the layout's positions and, during a glide, the glides' start points. */
    private SpatialIndex cullingIndex() {
        return index;
    }

    public GraphPainter painter() {
        return painter;
    }

    // ---- commands

    /** Selects node {@code id} (-1 clears); it is published through {@link #selectedNodeProperty()}. */
    public void select(int id) {
        selectedNode.set(id >= 0 && id < model.size() ? id : -1);
    }

    /** Fits the whole shown graph into the view. */
    public void fitToView() {
        if (model.size() == 0) {
            return;
        }
        double least = leastFitScale();
        viewport.fit(layout.minX() - layoutSettings.cardWidth(), layout.minY() - layoutSettings.cardHeight(),
                layout.maxX() + layoutSettings.cardWidth(), layout.maxY() + layoutSettings.cardHeight(), width(),
                height(), 10, Math.max(2 * least, Math.max(Viewport.MIN_SCALE, Math.min(Viewport.MAX_SCALE,
                        maxFitScale.get()))));
        if (viewport.scale() < least) {
            follow(least);
        }
        dirty = true;
    }

    /** The zoom below which fitting does not go ({@link #minCardFractionProperty()}); 0 without a limit. */
    private double leastFitScale() {
        double f = minCardFraction.get();
        return f <= 0 ? 0 : Math.min(Viewport.MAX_SCALE, width() * f / layoutSettings.cardWidth());
    }

    /**
     * Zoom {@code scale} with the node the search works on in view: centred across, and down the
     * tree as far as needed, never leaving empty room beyond the tree's edges.
     */
    private void follow(double scale) {
        int focus = focusNode();
        double cw = layoutSettings.cardWidth();
        double ch = layoutSettings.cardHeight();
        double left = (layout.minX() - cw) * scale;
        double right = (layout.maxX() + cw) * scale;
        double top = (layout.minY() - ch) * scale;
        double bottom = (layout.maxY() + ch) * scale;
        double tx = width() / 2 - layout.x()[focus] * scale;
        tx = Math.max(width() - right, Math.min(-left, tx));
        double ty;
        if (bottom - top <= height()) {
            ty = height() / 2 - (top + bottom) / 2;
        } else {
            // the focus a little below the middle, so its parent shows above it
            ty = height() * 0.6 - layout.y()[focus] * scale;
            ty = Math.max(height() - bottom, Math.min(-top, ty));
        }
        viewport.set(scale, tx, ty);
    }

    /** The deepest shown node of the current selection path; the root before the first Select. */
    private int focusNode() {
        int[] path = model.selectionPathProperty().get();
        for (int k = path.length - 1; k >= 0; k--) {
            if (isShown(path[k])) {
                return path[k];
            }
        }
        return isShown(0) ? 0 : firstShown();
    }

    private int firstShown() {
        for (int i = 0; i < visible.length; i++) {
            if (isShown(i)) {
                return i;
            }
        }
        return 0;
    }

    /** A new Select: its path is kept on screen (a layout when it was filtered out) and followed. */
    private void onSelectionPath() {
        selectionPathChanged = false;
        if (!showSelectionPath.get()) {
            return;
        }
        int[] path = model.selectionPathProperty().get();
        dirty = true;
        boolean allShown = true;
        for (int id : path) {
            allShown &= isShown(id);
        }
        if (!allShown) {
            relayout();
        } else if (autoFit.get() && !userMoved && minCardFraction.get() > 0) {
            fitToView();
        }
    }

    /** Centres the view on node {@code id}, zooming in to card detail if far out. */
    public void centreOn(int id) {
        Point2D p = worldPosition(id);
        if (p == null) {
            return;
        }
        if (detailLevel() != DetailLevel.CARD) {
            viewport.set(1.0, viewport.tx(), viewport.ty());
        }
        centreOnWorld(p.getX(), p.getY());
    }

    private void centreOnWorld(double wx, double wy) {
        viewport.centreOn(wx, wy, width(), height());
        userMoved = true;
        dirty = true;
    }

    /** Zooms by {@code factor} around the middle of the view. */
    public void zoom(double factor) {
        zoomAt(factor, width() / 2, height() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
        userMoved = true;
        dirty = true;
    }

    /** Folds or unfolds the subtree under {@code id}. */
    public void toggleCollapsed(int id) {
        if (id < 0 || id >= model.size()) {
            return;
        }
        collapsed.flip(id);
        relayout();
    }

    /** Selects the parent of the selection. */
    public void selectParent() {
        int s = selectedNode.get();
        if (s >= 0 && model.graph().parent(s) >= 0) {
            selectAndShow(model.graph().parent(s));
        } else if (s < 0 && model.size() > 0) {
            selectAndShow(0);
        }
    }

    /** Selects the most visited shown child of the selection. */
    public void selectChild() {
        int s = Math.max(0, selectedNode.get());
        ReasoningGraph g = model.graph();
        if (s >= g.size()) {
            return;
        }
        int best = -1;
        for (int c = g.firstChild(s); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (isShown(c) && (best < 0 || g.visits(c) > g.visits(best))) {
                best = c;
            }
        }
        if (best >= 0) {
            selectAndShow(best);
        }
    }

    /** Selects the next ({@code +1}) or previous ({@code -1}) shown sibling, by position. */
    public void selectSibling(int direction) {
        int s = selectedNode.get();
        ReasoningGraph g = model.graph();
        if (s < 0 || g.parent(s) < 0) {
            return;
        }
        List<Integer> sibs = new ArrayList<>();
        for (int c = g.firstChild(g.parent(s)); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (isShown(c)) {
                sibs.add(c);
            }
        }
        sibs.sort((a, b) -> Double.compare(layout.x()[a], layout.x()[b]));
        int k = sibs.indexOf(s) + direction;
        if (k >= 0 && k < sibs.size()) {
            selectAndShow(sibs.get(k));
        }
    }

    private void selectAndShow(int id) {
        select(id);
        Point2D p = screenPosition(id);
        if (p == null || p.getX() < 40 || p.getY() < 40 || p.getX() > width() - 40 || p.getY() > height() - 40) {
            Point2D w = worldPosition(id);
            if (w != null) {
                centreOnWorld(w.getX(), w.getY());
            }
        }
    }

    /**
     * Runs the layout now, on this thread, and jumps to it: for tests and exports that need the
     * final picture.
     */
    public void layoutNow() {
        LayoutInput in = layoutInput();
        long t0 = System.nanoTime();
        NodeLayout l = layouter.layout(in, layoutKind.get());
        lastLayoutNanos = System.nanoTime() - t0;
        layoutGeneration++;
        applyFinal(l, in, layoutKind.get(), false, false);
        motion.step(Long.MAX_VALUE / 2);
    }

    /** Shuts the layout worker down; call when the view is discarded. */
    public void dispose() {
        timer.stop();
        worker.shutdownNow();
    }

    // ---- layout

    private LayoutInput layoutInput() {
        ReasoningGraph g = model.graph();
        visibleNow(g);
        return LayoutInput.of(g, visible);
    }

    private void visibleNow(ReasoningGraph g) {
        BitSet kept = showSelectionPath.get() ? bits(model.selectionPathProperty().get()) : new BitSet();
        visible = new ViewFilter(collapsed, hidePruned.get(), Math.max(0, topK.get()), kept).visible(g);
    }

    private void relayout() {
        if (layoutRunning) {
            layoutPending = true;
            return;
        }
        LayoutInput in = layoutInput();
        LayoutKind kind = layoutKind.get();
        if (in.size() < ASYNC_LAYOUT_THRESHOLD) {
            long t0 = System.nanoTime();
            NodeLayout l = layouter.layout(in, kind);
            lastLayoutNanos = System.nanoTime() - t0;
            layoutGeneration++;
            applyFinal(l, in, kind, false, animated.get());
            return;
        }
        if (layoutIsTree && effectiveKind(kind, in) == LayoutKind.TREE) {
            // a tree that only grew: re-place the grown subtrees now, on this thread
            long t0 = System.nanoTime();
            NodeLayout grown = IncrementalTreeLayout.grow(layout, in, layoutSettings);
            if (grown != null) {
                lastLayoutNanos = System.nanoTime() - t0;
                layoutGeneration++;
                applyFinal(grown, in, kind, true, animated.get());
                return;
            }
        }
        int generation = ++layoutGeneration;
        layoutRunning = true;
        // start the growth at once: new nodes appear below their parents while jungrapht works
        NodeLayout provisional = GrowthPlacement.provisional(layout, in, layoutSettings);
        if (provisional != null) {
            layoutIsTree = false;
            apply(provisional, in, animated.get());
        }
        worker.execute(() -> {
            long t0 = System.nanoTime();
            NodeLayout l;
            try {
                l = layouter.layout(in, kind);
            } catch (RuntimeException e) {
                l = null;
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
            long took = System.nanoTime() - t0;
            NodeLayout done = l;
            Platform.runLater(() -> {
                layoutRunning = false;
                lastLayoutNanos = took;
                if (done != null && generation == layoutGeneration) {
                    applyFinal(done, in, kind, false, animated.get());
                }
                if (layoutPending) {
                    layoutPending = false;
                    relayout();
                }
            });
        });
    }

    /** The algorithm that GraphLayouter really runs for {@code kind} on {@code in}. */
    private static LayoutKind effectiveKind(LayoutKind kind, LayoutInput in) {
        if (kind != LayoutKind.LAYERED) {
            return kind;
        }
        int shown = 0;
        for (boolean v : in.visible()) {
            if (v) {
                shown++;
            }
        }
        return shown > GraphLayouter.LAYERED_MAX_NODES ? LayoutKind.TREE : LayoutKind.LAYERED;
    }

    /** Applies a complete (not provisional) layout of {@code kind}. */
    private void applyFinal(NodeLayout l, LayoutInput in, LayoutKind kind, boolean incremental, boolean glide) {
        layoutIsTree = effectiveKind(kind, in) == LayoutKind.TREE;
        lastLayoutIncremental = incremental;
        apply(l, in, glide);
    }

    private void apply(NodeLayout l, LayoutInput in, boolean glide) {
        layout = l;
        packing = GrowthPlacement.packing(l, in, layoutSettings);
        visible = in.visible();
        long duration = glide ? (long) (GLIDE_NANOS / Math.max(0.05, speed.get())) : 0;
        motion.retarget(l, model.graph(), System.nanoTime(), duration);
        // filed by the box of each glide, so the grid culls during the transition too
        index = SpatialIndex.build(model.graph(), l.x(), l.y(), motion.moving() ? motion.fromX() : null,
                motion.moving() ? motion.fromY() : null, visible,
                Math.min(model.size(), Math.min(l.size(), visible.length)));
        if (autoFit.get() && !userMoved) {
            fitToView();
        }
        updateMatches();
        minimap.update(l, visible);
        layoutRevision.set(layoutRevision.get() + 1);
        dirty = true;
    }

    private void updateMatches() {
        String q = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        BitSet m = new BitSet();
        if (!q.isEmpty()) {
            ReasoningGraph g = model.graph();
            for (int i = 0; i < g.size(); i++) {
                if (g.text(i).toLowerCase(Locale.ROOT).contains(q)) {
                    m.set(i);
                }
            }
        }
        matches = m;
        dirty = true;
    }

    /** Selects and centres the next search match after the selection; returns it or -1. */
    public int nextMatch() {
        int from = selectedNode.get() + 1;
        int m = matches.nextSetBit(from);
        if (m < 0) {
            m = matches.nextSetBit(0);
        }
        if (m >= 0) {
            select(m);
            centreOn(m);
        }
        return m;
    }

    // ---- animation

    private void onCue(Cue cue) {
        dirty = true;
        if (cue instanceof Cue.Prune p && foldPruned.get() && p.node() < model.size()
                && model.graph().hasChildren(p.node()) && !collapsed.get(p.node())) {
            collapsed.set(p.node());
            relayout();
        }
        if (!animated.get()) {
            return;
        }
        Effect effect = Effect.of(cue, System.nanoTime(), (long) (EFFECT_NANOS / Math.max(0.05, speed.get())));
        if (effect != null) {
            effects.add(effect);
        }
        // a fast run must not pile up effects: keep the most recent ones
        while (effects.size() > 64) {
            effects.remove(0);
        }
    }

    private void tick(long now) {
        if (selectionPathChanged) {
            onSelectionPath();
        }
        long t = System.nanoTime();
        boolean moving = motion.step(t);
        for (Iterator<Effect> it = effects.iterator(); it.hasNext(); ) {
            if (it.next().done(t)) {
                it.remove();
                dirty = true;
            }
        }
        boolean active = moving || !effects.isEmpty();
        pseudoClassStateChanged(GraphViewStyles.ANIMATING, active);
        // the frame on which a transition ends is painted too: the tree comes to rest where the layout is
        if (active || dirty || wasActive) {
            paint();
        }
        wasActive = active;
    }

    /** Paints the canvas now. */
    public void paint() {
        dirty = false;
        long t0 = System.nanoTime();
        painter.paint(surface, frame(canvas.getWidth(), canvas.getHeight(),
                viewport));
        if (showSelectionPath.get()) {
            markSelectionPath();
        }
        markChosen();
        minimap.showViewport(viewport, width(), height());
        lastFrameNanos = System.nanoTime() - t0;
    }

    /** The current iteration's path as a blue trail along its edges, its chosen end ringed. */
    private void markSelectionPath() {
        int[] path = model.selectionPathProperty().get();
        if (path.length == 0 || detailLevel() == DetailLevel.DOT) {
            return;
        }
        var gc = canvas.getGraphicsContext2D();
        gc.setLineDashes((double[]) null);
        double sc = viewport.scale();
        double half = layoutSettings.cardHeight() * sc / 2;
        gc.setGlobalAlpha(0.85);
        gc.setStroke(javafx.scene.paint.Color.web("#1f6feb"));
        gc.setLineWidth(Math.max(3, 5 * sc));
        boolean elbows = layoutKind.get() == LayoutKind.TREE || layoutKind.get() == LayoutKind.LAYERED;
        for (int k = 1; k < path.length; k++) {
            Point2D a = screenPosition(path[k - 1]);
            Point2D b = screenPosition(path[k]);
            if (a == null || b == null) {
                break;
            }
            double ay = a.getY() + half;
            double by = b.getY() - half;
            if (elbows) {
                double my = (ay + by) / 2;
                gc.strokePolyline(new double[] {a.getX(), a.getX(), b.getX(), b.getX()},
                        new double[] {ay, my, my, by}, 4);
            } else {
                gc.strokeLine(a.getX(), ay, b.getX(), by);
            }
        }
        Point2D end = screenPosition(path[path.length - 1]);
        if (end != null) {
            double w = layoutSettings.cardWidth() * sc;
            double h = layoutSettings.cardHeight() * sc;
            double grow = 6 * sc;
            gc.strokeRoundRect(end.getX() - w / 2 - grow, end.getY() - h / 2 - grow, w + 2 * grow, h + 2 * grow,
                    16 * sc, 16 * sc);
        }
        gc.setGlobalAlpha(1);
    }

    /** Tags the child the latest Select chose with its score, so a paused run shows why it went there. */
    private void markChosen() {
        var s = model.latestSelect();
        if (s == null || s.chosen() < 0 || detailLevel() == DetailLevel.DOT) {
            return;
        }
        Point2D p = screenPosition(s.chosen());
        if (p == null) {
            return;
        }
        double score = s.candidates().stream().filter(c -> c.node() == s.chosen()).mapToDouble(c -> c.score())
                .findFirst().orElse(Double.NaN);
        String tag = "chosen by Select" + (Double.isNaN(score) || Double.isInfinite(score) ? ""
                : "  ·  score " + GraphPainter.num(score));
        double sc = viewport.scale();
        double fs = Math.max(10, 11 * sc);
        double w = tag.length() * fs * 0.58 + 12;
        double h = fs + 8;
        double x = p.getX() - w / 2;
        double y = p.getY() - layoutSettings.cardHeight() * sc / 2 - h - 4;
        var gc = canvas.getGraphicsContext2D();
        gc.setGlobalAlpha(1);
        gc.setFill(javafx.scene.paint.Color.web("#1f6feb"));
        gc.fillRoundRect(x, y, w, h, 8, 8);
        gc.setFill(javafx.scene.paint.Color.WHITE);
        gc.setFont(javafx.scene.text.Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD, fs));
        gc.fillText(tag, x + 6, y + fs + 2);
    }

    // ---- input

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        e.consume();
    }

    /** Full step text and numbers of the node under the mouse. */
    private void onHover(MouseEvent e) {
        int hit = painter.pick(frame(width(), height(), viewport), e.getX(), e.getY());
        if (hit < 0) {
            hover.setVisible(false);
            return;
        }
        ReasoningGraph g = model.graph();
        hover.setText("#" + hit + "  " + g.text(hit) + "\nN " + g.visits(hit) + "   Q " + GraphPainter.num(g.q(hit))
                + "   P " + GraphPainter.num(g.prior(hit)) + "   V " + GraphPainter.num(g.value(hit)) + "   R "
                + GraphPainter.num(g.reward(hit)));
        hover.autosize();
        double x = Math.min(e.getX() + 14, width() - hover.getWidth() - 4);
        double y = Math.min(e.getY() + 18, height() - hover.getHeight() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    private void onClick(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int hit = painter.pick(frame(width(), height(), viewport), e.getX(), e.getY());
        // a double click folds the node its first click selected (not a neighbour clicked quickly after)
        if (e.getClickCount() == 2 && hit >= 0 && hit == selectedNode.get()) {
            toggleCollapsed(hit);
        }
        select(hit);
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS:
            case EQUALS:
            case ADD:
                zoom(1.25);
                break;
            case MINUS:
            case SUBTRACT:
                zoom(0.8);
                break;
            case DIGIT0:
            case NUMPAD0:
            case F:
                userMoved = false;
                fitToView();
                break;
            case C:
                centreOn(selectedNode.get());
                break;
            case UP:
                selectParent();
                break;
            case DOWN:
                selectChild();
                break;
            case LEFT:
                selectSibling(-1);
                break;
            case RIGHT:
                selectSibling(1);
                break;
            case SPACE:
                toggleCollapsed(selectedNode.get());
                break;
            case N:
                nextMatch();
                break;
            default:
                return;
        }
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = width();
        double h = height();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (autoFit.get() && !userMoved) {
                fitToView();
            }
            dirty = true;
        }
        double mw = Minimap.WIDTH;
        double mh = Minimap.HEIGHT;
        minimap.resizeRelocate(w - mw - 12, h - mh - 12, mw, mh);
    }

    private double width() {
        return Math.max(1, getWidth());
    }

    private double height() {
        return Math.max(1, getHeight());
    }

    private static BitSet bits(int[] ids) {
        BitSet b = new BitSet();
        if (ids != null) {
            for (int i : ids) {
                if (i >= 0) {
                    b.set(i);
                }
            }
        }
        return b;
    }
}
