package org.rlmworkbench.editor.view;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.rlmworkbench.runner.scheme.Category;
import org.rlmworkbench.runner.scheme.NodeType;

/**
 * The palette: every node type, grouped by the blueprint's categories, each with its icon, its
 * one-line description and a tooltip with its formula or rule. Dragging an item reports where it
 * is and where it was let go; a double click asks for the node to be added. CSS id of an item:
 * {@code palette-<Type>}.
 */
public final class PaletteView extends ScrollPane {

    private BiConsumer<NodeType, MouseEvent> onDrag = (t, e) -> { };
    private BiConsumer<NodeType, MouseEvent> onDrop = (t, e) -> { };
    private Consumer<NodeType> onActivate = t -> { };
    private final java.util.Map<NodeType, HBox> items = new java.util.EnumMap<>(NodeType.class);

    public PaletteView() {
        getStyleClass().add(Styles.PALETTE);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox groups = new VBox();
        for (Category c : Category.values()) {
            VBox items = new VBox(2);
            for (NodeType t : NodeType.values()) {
                if (t.category() == c) {
                    HBox item = item(t);
                    this.items.put(t, item);
                    items.getChildren().add(item);
                }
            }
            TitledPane pane = new TitledPane(c.label(), items);
            pane.setId("palette-group-" + c.label());
            groups.getChildren().add(pane);
        }
        setContent(groups);
    }

    private HBox item(NodeType t) {
        Label name = new Label(t.typeName());
        name.getStyleClass().add(Styles.PALETTE_NAME);
        Label description = new Label(t.description());
        description.getStyleClass().add(Styles.PALETTE_DESCRIPTION);
        description.setWrapText(true);
        VBox text = new VBox(1, name, description);
        HBox item = new HBox(8, NodeGlyph.of(t), text);
        item.getStyleClass().addAll(Styles.PALETTE_ITEM, Styles.category(t.category()));
        item.setId("palette-" + t.typeName());
        item.setCursor(Cursor.OPEN_HAND);
        Tooltip tip = new Tooltip(t.typeName() + " (" + t.category().label() + ")\n" + t.description() + "\n\n"
                + t.formula());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(item, tip);
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                item.setCursor(Cursor.CLOSED_HAND);
                onDrag.accept(t, e);
            }
        });
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                item.setCursor(Cursor.OPEN_HAND);
                onDrop.accept(t, e);
            }
        });
        item.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onActivate.accept(t);
            }
        });
        return item;
    }

    /** Scrolls the palette so the item of {@code type} is in view. */
    public void reveal(NodeType type) {
        HBox item = items.get(type);
        javafx.scene.Node content = getContent();
        double contentH = content.getBoundsInLocal().getHeight();
        double viewH = getViewportBounds().getHeight();
        if (item == null || contentH <= viewH) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(item.localToScene(item.getBoundsInLocal()));
        double top = getVvalue() * (contentH - viewH);
        if (b.getMinY() < top || b.getMaxY() > top + viewH) {
            double target = Math.max(0, Math.min(contentH - viewH, b.getMinY() - 8));
            setVvalue(target / (contentH - viewH));
        }
    }

    /** Called on every drag step of an item, with the mouse event (scene coordinates). */
    public void setOnItemDragged(BiConsumer<NodeType, MouseEvent> handler) {
        this.onDrag = handler;
    }

    /** Called when an item is let go after a press, wherever that is. */
    public void setOnItemDropped(BiConsumer<NodeType, MouseEvent> handler) {
        this.onDrop = handler;
    }

    /** Called on a double click of an item. */
    public void setOnItemActivated(Consumer<NodeType> handler) {
        this.onActivate = handler;
    }
}
