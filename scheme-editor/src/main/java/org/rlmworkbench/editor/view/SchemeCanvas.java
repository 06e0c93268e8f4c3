package org.rlmworkbench.editor.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.PauseTransition;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.rlmworkbench.editor.model.ConnectionRules;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * The drawing area of the editor: node and wire skins over the model's scheme, kept in step one
 * change at a time. Handles selection (click, shift-click, rubber band), moving (one edit per
 * drag), drawing wires port to port with snapping and refusal at the pointer, zoom (wheel) and
 * pan (right or middle drag). Every change goes through the {@link SchemeEditorModel}.
 */
public final class SchemeCanvas extends Pane {

    /** How near, in content units, the pointer must come to a port for a wire to snap to it. */
    public static final double SNAP = 22;
    private static final double MIN_ZOOM = 0.2;
    private static final double MAX_ZOOM = 4;
    private static final Pattern WIRE_FIELD = Pattern.compile("^wires\\[(\\d+)\\]");

    private final SchemeEditorModel model;
    private final Group content = new Group();
    private final Group wireLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate(0, 0);
    private final CubicCurve draft = new CubicCurve();
    private final Rectangle band = new Rectangle();
    private final Rectangle ghost = new Rectangle(NodeSkin.WIDTH, NodeSkin.HEADER + 30);
    private final Label feedback = new Label();
    private final PauseTransition feedbackTimer = new PauseTransition(Duration.seconds(3));
    private final Map<String, NodeSkin> skins = new LinkedHashMap<>();
    private final Map<Wire, WireSkin> wireSkins = new LinkedHashMap<>();

    // gesture state
    private Point2D dragStart;
    private Map<String, Position> dragFrom = Map.of();
    private boolean dragMoved;
    private PortSkin wireFrom;
    private PortSkin wireTarget;
    private Point2D bandStart;
    private Point2D panStart;
    private Point2D panOrigin;
    private boolean fitPending;

    public SchemeCanvas(SchemeEditorModel model) {
        this.model = model;
        getStyleClass().add(Styles.CANVAS);
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        content.getTransforms().setAll(pan, scale);
        draft.getStyleClass().add(Styles.DRAFT_WIRE);
        draft.setVisible(false);
        draft.setMouseTransparent(true);
        content.getChildren().addAll(wireLayer, nodeLayer, draft);
        band.getStyleClass().add(Styles.RUBBER_BAND);
        band.setVisible(false);
        band.setManaged(false);
        band.setMouseTransparent(true);
        ghost.getStyleClass().add(Styles.DRAG_GHOST);
        ghost.setVisible(false);
        ghost.setManaged(false);
        ghost.setMouseTransparent(true);
        feedback.getStyleClass().add(Styles.FEEDBACK);
        feedback.setId("wire-feedback");
        feedback.setVisible(false);
        feedback.setManaged(false);
        feedback.setMouseTransparent(true);
        feedbackTimer.setOnFinished(e -> feedback.setVisible(false));
        getChildren().addAll(content, ghost, band, feedback);

        model.schemeProperty().addListener((o, a, b) -> sync(b));
        model.problems().addListener((javafx.collections.ListChangeListener<SchemeError>) c -> showProblems());
        model.selectedNodes().addListener((SetChangeListener<String>) c -> showSelection());
        model.selectedWireProperty().addListener((o, a, b) -> showSelection());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        sync(model.getScheme());
    }

    // ------------------------------------------------------------------ public view API

    /** The point of the scheme (content coordinates) under a scene point. */
    public Point2D toContent(double sceneX, double sceneY) {
        return content.sceneToLocal(sceneX, sceneY);
    }

    /** The screen point where a point of the scheme (content coordinates) is shown. */
    public Point2D contentToScreen(double x, double y) {
        return content.localToScreen(x, y);
    }

    /** Whether a scene point lies over the canvas. */
    public boolean containsScene(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        return p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() <= getWidth() && p.getY() <= getHeight();
    }

    /** Where a node dropped at a scene point goes: centred under the pointer, on whole units. */
    public Position dropPosition(double sceneX, double sceneY) {
        Point2D p = toContent(sceneX, sceneY);
        return new Position(Math.round(p.getX() - NodeSkin.WIDTH / 2), Math.round(p.getY() - NodeSkin.HEADER / 2));
    }

    /** Shows where a palette item would land while it is dragged over the canvas. */
    public void previewDrop(double sceneX, double sceneY) {
        boolean inside = containsScene(sceneX, sceneY);
        ghost.setVisible(inside);
        if (inside) {
            Point2D p = sceneToLocal(sceneX, sceneY);
            ghost.setScaleX(scale.getX());
            ghost.setScaleY(scale.getY());
            ghost.relocate(p.getX() - NodeSkin.WIDTH / 2, p.getY() - NodeSkin.HEADER / 2);
        }
    }

    public void endPreview() {
        ghost.setVisible(false);
    }

    public Optional<NodeSkin> skin(String nodeId) {
        return Optional.ofNullable(skins.get(nodeId));
    }

    public Optional<WireSkin> wireSkin(Wire w) {
        return Optional.ofNullable(wireSkins.get(w));
    }

    /** The message last shown at the pointer (a refused wire), while it is visible. */
    public String feedbackText() {
        return feedback.isVisible() ? feedback.getText() : "";
    }

    public double getZoom() {
        return scale.getX();
    }

    public void zoomIn() {
        zoomAbout(getZoom() * 1.25, new Point2D(getWidth() / 2, getHeight() / 2));
    }

    public void zoomOut() {
        zoomAbout(getZoom() / 1.25, new Point2D(getWidth() / 2, getHeight() / 2));
    }

    /** Zoom 1, scheme origin at the top left. */
    public void resetView() {
        scale.setX(1);
        scale.setY(1);
        pan.setX(0);
        pan.setY(0);
    }

    /** Zooms and pans so every node is in view (never above zoom 1). */
    public void fitToContent() {
        if (skins.isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
            resetView();
            return;
        }
        // nodes and the wires that bulge out of them
        javafx.geometry.BoundingBox n = toBox(nodeLayer.getBoundsInParent());
        Bounds w = wireLayer.getBoundsInParent();
        Bounds b = wireSkins.isEmpty() ? n : new javafx.geometry.BoundingBox(Math.min(n.getMinX(), w.getMinX()),
                Math.min(n.getMinY(), w.getMinY()), Math.max(n.getMaxX(), w.getMaxX()) - Math.min(n.getMinX(), w.getMinX()),
                Math.max(n.getMaxY(), w.getMaxY()) - Math.min(n.getMinY(), w.getMinY()));
        double z = Math.min(1, Math.min((getWidth() - 40) / b.getWidth(), (getHeight() - 40) / b.getHeight()));
        z = Math.max(MIN_ZOOM, z);
        scale.setX(z);
        scale.setY(z);
        pan.setX(20 - b.getMinX() * z + Math.max(0, (getWidth() - 40 - b.getWidth() * z) / 2));
        pan.setY(20 - b.getMinY() * z);
    }

    /** Fits the scheme to the window once the canvas has its size (at once if it has). */
    public void fitWhenShown() {
        if (getWidth() > 0 && getHeight() > 0) {
            fitToContent();
        } else {
            fitPending = true;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fitToContent();
        }
    }

    private static javafx.geometry.BoundingBox toBox(Bounds b) {
        return new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private void zoomAbout(double zoom, Point2D pivotLocal) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        Point2D q = content.parentToLocal(pivotLocal);
        scale.setX(z);
        scale.setY(z);
        pan.setX(pivotLocal.getX() - z * q.getX());
        pan.setY(pivotLocal.getY() - z * q.getY());
    }

    // ------------------------------------------------------------------ keeping skins in step

    private void sync(Scheme s) {
        Set<String> ids = new HashSet<>();
        s.nodes().forEach(n -> ids.add(n.id()));
        for (String id : new ArrayList<>(skins.keySet())) {
            if (!ids.contains(id)) {
                NodeSkin skin = skins.remove(id);
                nodeLayer.getChildren().remove(skin.root());
                skin.dispose();
            }
        }
        for (SchemeNode n : s.nodes()) {
            NodeSkin skin = skins.get(n.id());
            if (skin != null && !skin.node().type().equals(n.type())) {
                skins.remove(n.id());
                nodeLayer.getChildren().remove(skin.root());
                skin.dispose();
                skin = null;
            }
            if (skin == null) {
                skin = new NodeSkin(n);
                install(skin);
                skins.put(n.id(), skin);
                nodeLayer.getChildren().add(skin.root());
            } else if (!skin.node().equals(n)) {
                skin.update(n);
            }
        }
        Set<Wire> wires = new HashSet<>(s.wires());
        for (Wire w : new ArrayList<>(wireSkins.keySet())) {
            if (!wires.contains(w)) {
                WireSkin ws = wireSkins.remove(w);
                wireLayer.getChildren().remove(ws.root());
                ws.dispose();
            }
        }
        for (Wire w : s.wires()) {
            if (!wireSkins.containsKey(w)) {
                WireSkin ws = new WireSkin(w);
                installWire(ws);
                wireSkins.put(w, ws);
                wireLayer.getChildren().add(ws.root());
            }
        }
        Set<String> wiredPorts = new HashSet<>();
        s.wires().forEach(w -> {
            wiredPorts.add(w.from() + "." + w.fromPort());
            wiredPorts.add(w.to() + "." + w.toPort());
        });
        skins.values().forEach(sk -> sk.ports().values()
                .forEach(p -> p.setWired(wiredPorts.contains(p.ref().toString()))));
        layoutWires(null);
        showSelection();
        showProblems();
    }

    private void layoutWires(Set<String> onlyTouching) {
        for (WireSkin ws : wireSkins.values()) {
            Wire w = ws.wire();
            if (onlyTouching != null && !onlyTouching.contains(w.from()) && !onlyTouching.contains(w.to())) {
                continue;
            }
            NodeSkin a = skins.get(w.from());
            NodeSkin b = skins.get(w.to());
            ws.root().setVisible(a != null && b != null);
            if (a != null && b != null) {
                ws.setEnds(a.portCenter(w.fromPort()), b.portCenter(w.toPort()));
            }
        }
    }

    private void showSelection() {
        skins.forEach((id, skin) -> skin.selectedProperty().set(model.selectedNodes().contains(id)));
        wireSkins.forEach((w, ws) -> ws.setSelected(w.equals(model.selectedWireProperty().get())));
    }

    private void showProblems() {
        Map<String, List<SchemeError>> byNode = new HashMap<>();
        Set<Integer> badWires = new HashSet<>();
        for (SchemeError e : model.problems()) {
            if (e.nodeId() != null) {
                byNode.computeIfAbsent(e.nodeId(), k -> new ArrayList<>()).add(e);
            }
            if (e.field() != null && e.isError()) {
                Matcher m = WIRE_FIELD.matcher(e.field());
                if (m.find()) {
                    badWires.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        skins.forEach((id, skin) -> skin.setProblems(byNode.getOrDefault(id, List.of())));
        List<Wire> wires = model.getScheme().wires();
        wireSkins.forEach((w, ws) -> ws.setError(false));
        for (int i : badWires) {
            if (i < wires.size()) {
                wireSkin(wires.get(i)).ifPresent(ws -> ws.setError(true));
            }
        }
    }

    // ------------------------------------------------------------------ node gestures

    private void install(NodeSkin skin) {
        skin.root().setOnMousePressed(e -> nodePressed(skin, e));
        skin.root().setOnMouseDragged(e -> nodeDragged(e));
        skin.root().setOnMouseReleased(e -> nodeReleased(e));
        skin.breakpointDot().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !dragMoved) {
                model.toggleBreakpoint(skin.node().id());
            }
            e.consume();
        });
        skin.root().setOnContextMenuRequested(e -> {
            String id = skin.node().id();
            MenuItem bp = new MenuItem("Toggle breakpoint");
            bp.setOnAction(a -> model.toggleBreakpoint(id));
            MenuItem dup = new MenuItem("Duplicate");
            dup.setOnAction(a -> model.duplicate());
            MenuItem del = new MenuItem("Delete");
            del.setOnAction(a -> model.deleteSelection());
            new ContextMenu(bp, dup, del).show(skin.root(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        for (PortSkin port : skin.ports().values()) {
            port.setOnMousePressed(e -> portPressed(port, e));
            port.setOnMouseDragged(e -> portDragged(e));
            port.setOnMouseReleased(e -> portReleased(e));
        }
    }

    private void nodePressed(NodeSkin skin, MouseEvent e) {
        requestFocus();
        hideFeedback();
        String id = skin.node().id();
        if (e.getButton() == MouseButton.PRIMARY) {
            model.selectedWireProperty().set(null);
            if (e.isShiftDown() || e.isShortcutDown()) {
                if (!model.selectedNodes().remove(id)) {
                    model.selectedNodes().add(id);
                }
            } else if (!model.selectedNodes().contains(id)) {
                model.selectOnly(id);
            }
            dragStart = toContent(e.getSceneX(), e.getSceneY());
            dragFrom = model.positionsOf(Set.copyOf(model.selectedNodes()));
            dragMoved = false;
        } else if (e.getButton() == MouseButton.SECONDARY && !model.selectedNodes().contains(id)) {
            model.selectOnly(id);
        }
        e.consume();
    }

    private void nodeDragged(MouseEvent e) {
        if (dragStart != null && e.getButton() == MouseButton.PRIMARY) {
            Point2D p = toContent(e.getSceneX(), e.getSceneY());
            double dx = p.getX() - dragStart.getX();
            double dy = p.getY() - dragStart.getY();
            if (Math.abs(dx) + Math.abs(dy) > 1) {
                dragMoved = true;
            }
            dragFrom.forEach((id, pos) -> skin(id).ifPresent(s -> s.root().relocate(pos.x() + dx, pos.y() + dy)));
            layoutWires(dragFrom.keySet());
        }
        e.consume();
    }

    private void nodeReleased(MouseEvent e) {
        if (dragStart != null && dragMoved) {
            Map<String, Position> to = new LinkedHashMap<>();
            dragFrom.keySet().forEach(id -> skin(id).ifPresent(s -> to.put(id,
                    new Position(Math.round(s.root().getLayoutX()), Math.round(s.root().getLayoutY())))));
            model.moveNodes(to);
            // an edit equal to nothing (a drag back to the start) leaves the skins where the model says
            sync(model.getScheme());
        }
        dragStart = null;
        e.consume();
    }

    // ------------------------------------------------------------------ wire gestures

    private void portPressed(PortSkin port, MouseEvent e) {
        requestFocus();
        hideFeedback();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        wireFrom = port;
        wireTarget = null;
        draft.setVisible(true);
        draft.pseudoClassStateChanged(Styles.ALLOWED, false);
        draft.pseudoClassStateChanged(Styles.FORBIDDEN, false);
        drawDraft(toContent(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void portDragged(MouseEvent e) {
        if (wireFrom == null) {
            return;
        }
        Point2D p = toContent(e.getSceneX(), e.getSceneY());
        PortSkin target = nearestPort(p);
        if (wireTarget != null && wireTarget != target) {
            wireTarget.pseudoClassStateChanged(Styles.ALLOWED, false);
            wireTarget.pseudoClassStateChanged(Styles.FORBIDDEN, false);
        }
        wireTarget = target;
        if (target == null) {
            draft.pseudoClassStateChanged(Styles.ALLOWED, false);
            draft.pseudoClassStateChanged(Styles.FORBIDDEN, false);
            hideFeedback();
            drawDraft(p);
        } else {
            ConnectionRules.Verdict v = ConnectionRules.check(model.getScheme(), wireFrom.ref(), target.ref());
            draft.pseudoClassStateChanged(Styles.ALLOWED, v.allowed());
            draft.pseudoClassStateChanged(Styles.FORBIDDEN, !v.allowed());
            target.pseudoClassStateChanged(Styles.ALLOWED, v.allowed());
            target.pseudoClassStateChanged(Styles.FORBIDDEN, !v.allowed());
            drawDraft(skins.get(target.ref().nodeId()).portCenter(target.ref().port()));
            if (v.allowed()) {
                hideFeedback();
            } else {
                showFeedback(v.refusal(), e.getSceneX(), e.getSceneY(), false);
            }
        }
        e.consume();
    }

    private void portReleased(MouseEvent e) {
        if (wireFrom == null) {
            return;
        }
        PortSkin target = nearestPort(toContent(e.getSceneX(), e.getSceneY()));
        draft.setVisible(false);
        if (wireTarget != null) {
            wireTarget.pseudoClassStateChanged(Styles.ALLOWED, false);
            wireTarget.pseudoClassStateChanged(Styles.FORBIDDEN, false);
        }
        PortSkin from = wireFrom;
        wireFrom = null;
        wireTarget = null;
        if (target != null) {
            Optional<String> refusal = model.connect(from.ref(), target.ref());
            if (refusal.isPresent()) {
                showFeedback(refusal.get(), e.getSceneX(), e.getSceneY(), true);
            } else {
                hideFeedback();
            }
        } else {
            hideFeedback();
        }
        e.consume();
    }

    private void drawDraft(Point2D end) {
        Point2D start = skins.get(wireFrom.ref().nodeId()).portCenter(wireFrom.ref().port());
        if (wireFrom.isInput()) {
            WireSkin.shape(draft, end, start);
        } else {
            WireSkin.shape(draft, start, end);
        }
    }

    /** The port nearest to a content point within {@link #SNAP}, other than the one being dragged. */
    private PortSkin nearestPort(Point2D p) {
        PortSkin best = null;
        double bestD = SNAP;
        for (NodeSkin s : skins.values()) {
            for (PortSkin port : s.ports().values()) {
                if (port == wireFrom) {
                    continue;
                }
                double d = s.portCenter(port.ref().port()).distance(p);
                if (d <= bestD) {
                    bestD = d;
                    best = port;
                }
            }
        }
        return best;
    }

    private void showFeedback(String text, double sceneX, double sceneY, boolean linger) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        feedback.setText(text);
        feedback.setVisible(true);
        feedback.autosize();
        double x = Math.min(p.getX() + 14, Math.max(0, getWidth() - feedback.getWidth() - 4));
        feedback.relocate(x, p.getY() + 14);
        feedbackTimer.stop();
        if (linger) {
            feedbackTimer.playFromStart();
        }
    }

    private void hideFeedback() {
        feedbackTimer.stop();
        feedback.setVisible(false);
    }

    private void installWire(WireSkin ws) {
        ws.hitArea().setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY) {
                model.selectedNodes().clear();
                model.selectedWireProperty().set(ws.wire());
            }
            e.consume();
        });
        ws.hitArea().setOnContextMenuRequested(e -> {
            MenuItem del = new MenuItem("Delete wire");
            del.setOnAction(a -> model.removeWire(ws.wire()));
            new ContextMenu(del).show(ws.root(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    // ------------------------------------------------------------------ background gestures

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        hideFeedback();
        Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
        if (e.getButton() == MouseButton.PRIMARY) {
            if (!e.isShiftDown() && !e.isShortcutDown()) {
                model.selectOnly(null);
            }
            bandStart = p;
            band.setVisible(false);
        } else {
            panStart = p;
            panOrigin = new Point2D(pan.getX(), pan.getY());
        }
    }

    private void backgroundDragged(MouseEvent e) {
        Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
        if (bandStart != null) {
            band.setVisible(true);
            band.relocate(Math.min(p.getX(), bandStart.getX()), Math.min(p.getY(), bandStart.getY()));
            band.setWidth(Math.abs(p.getX() - bandStart.getX()));
            band.setHeight(Math.abs(p.getY() - bandStart.getY()));
        } else if (panStart != null) {
            pan.setX(panOrigin.getX() + p.getX() - panStart.getX());
            pan.setY(panOrigin.getY() + p.getY() - panStart.getY());
        }
    }

    private void backgroundReleased(MouseEvent e) {
        if (bandStart != null && band.isVisible()) {
            Point2D a = content.parentToLocal(band.getLayoutX(), band.getLayoutY());
            Point2D b = content.parentToLocal(band.getLayoutX() + band.getWidth(), band.getLayoutY() + band.getHeight());
            javafx.geometry.BoundingBox box = new javafx.geometry.BoundingBox(a.getX(), a.getY(),
                    b.getX() - a.getX(), b.getY() - a.getY());
            List<String> hit = new ArrayList<>();
            skins.forEach((id, s) -> {
                // the node's own rectangle: not its ports or its shadow
                if (box.intersects(s.root().getLayoutX(), s.root().getLayoutY(), s.root().getWidth(),
                        s.root().getHeight())) {
                    hit.add(id);
                }
            });
            model.selectedNodes().addAll(hit);
        }
        band.setVisible(false);
        bandStart = null;
        panStart = null;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.1, e.getDeltaY() / 40);
        zoomAbout(getZoom() * factor, sceneToLocal(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.deleteSelection();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            model.selectOnly(null);
            e.consume();
        }
    }
}
