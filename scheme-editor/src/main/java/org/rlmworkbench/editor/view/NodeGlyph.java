package org.rlmworkbench.editor.view;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.rlmworkbench.runner.scheme.NodeType;

/**
 * A small drawn icon for each node type, 16 by 16: a tree fan for Generate, a funnel for Prune,
 * an arrow up the tree for Backpropagate, and so on. Colour comes from CSS by category.
 */
public final class NodeGlyph {

    /** The icon's side, in pixels. */
    public static final double SIZE = 16;

    private NodeGlyph() {
    }

    /** A new icon for {@code type} (or a question mark box for an unknown type). */
    public static Node of(NodeType type) {
        Group g = new Group();
        g.getStyleClass().add(Styles.GLYPH);
        if (type == null) {
            g.getChildren().add(styled(new Rectangle(2, 2, 12, 12)));
            return g;
        }
        g.getStyleClass().add(Styles.category(type.category()));
        switch (type) {
            case START -> g.getChildren().add(styled(new Polygon(3, 2, 14, 8, 3, 14)));
            case OUTPUT -> g.getChildren().addAll(styled(new Rectangle(3, 3, 10, 10)));
            case LOOP -> {
                Circle c = new Circle(8, 8, 5.5);
                c.getStyleClass().add("glyph-stroke");
                g.getChildren().addAll(c, styled(new Polygon(11, 0.5, 15, 3.5, 11, 6.5)));
            }
            case BRANCH -> g.getChildren().add(styled(new Polygon(8, 1, 15, 8, 8, 15, 1, 8)));
            case GENERATE -> g.getChildren().addAll(line(8, 3, 2, 13), line(8, 3, 8, 13), line(8, 3, 14, 13),
                    styled(new Circle(8, 3, 2.5)), styled(new Circle(2, 13, 2)), styled(new Circle(8, 13, 2)),
                    styled(new Circle(14, 13, 2)));
            case REFINE -> g.getChildren().addAll(styled(new Polygon(2, 14, 4, 10, 12, 2, 14, 4, 6, 12)));
            case AGGREGATE -> g.getChildren().addAll(line(2, 3, 8, 13), line(8, 3, 8, 13), line(14, 3, 8, 13),
                    styled(new Circle(8, 13, 2.5)), styled(new Circle(2, 3, 2)), styled(new Circle(8, 3, 2)),
                    styled(new Circle(14, 3, 2)));
            case PRUNE -> g.getChildren().add(styled(new Polygon(1, 2, 15, 2, 10, 8, 10, 14, 6, 14, 6, 8)));
            case RESTRUCTURE -> g.getChildren().addAll(styled(new Rectangle(1, 9, 6, 6)),
                    styled(new Rectangle(9, 1, 6, 6)), line(4, 9, 12, 7));
            case SELECT -> g.getChildren().addAll(line(8, 2, 3, 8), line(8, 2, 13, 8), line(13, 8, 13, 14),
                    styled(new Circle(13, 14, 2.5)), styled(new Circle(8, 2, 2)), styled(new Circle(3, 8, 1.5)));
            case BACKTRACK -> g.getChildren().addAll(styled(new Polygon(1, 6, 7, 1, 7, 4, 15, 4, 15, 12, 11, 12,
                    11, 8, 7, 8, 7, 11)));
            case BACKPROPAGATE -> g.getChildren().addAll(styled(new Polygon(8, 1, 14, 8, 10, 8, 10, 15, 6, 15,
                    6, 8, 2, 8)));
            case EVALUATE -> g.getChildren().addAll(styled(new Rectangle(2, 9, 3, 6)), styled(new Rectangle(6.5, 5, 3, 10)),
                    styled(new Rectangle(11, 1, 3, 14)));
            default -> g.getChildren().add(styled(new Rectangle(2, 2, 12, 12)));
        }
        Rectangle bounds = new Rectangle(0, 0, SIZE, SIZE);
        bounds.setVisible(false);
        g.getChildren().add(0, bounds);
        return g;
    }

    private static Shape styled(Shape s) {
        s.getStyleClass().add("glyph-fill");
        return s;
    }

    private static Line line(double x1, double y1, double x2, double y2) {
        Line l = new Line(x1, y1, x2, y2);
        l.getStyleClass().add("glyph-stroke");
        return l;
    }
}
