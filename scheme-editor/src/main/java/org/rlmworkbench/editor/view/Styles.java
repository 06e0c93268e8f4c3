package org.rlmworkbench.editor.view;

import java.util.Locale;
import javafx.css.PseudoClass;
import org.rlmworkbench.runner.scheme.Category;

/** Style class names and pseudo-classes of the scheme editor, in one place; looks live in CSS. */
public final class Styles {

    public static final String EDITOR = "scheme-editor";
    public static final String CANVAS = "scheme-canvas";
    public static final String NODE = "scheme-node";
    public static final String NODE_HEADER = "node-header";
    public static final String NODE_TITLE = "node-title";
    public static final String NODE_ID = "node-id";
    public static final String NODE_SUMMARY = "node-summary";
    public static final String PORT = "port";
    public static final String PORT_LABEL = "port-label";
    public static final String BREAKPOINT = "breakpoint";
    public static final String BADGE = "badge";
    public static final String WIRE = "wire";
    public static final String WIRE_HIT = "wire-hit";
    public static final String DRAFT_WIRE = "draft-wire";
    public static final String RUBBER_BAND = "rubber-band";
    public static final String FEEDBACK = "wire-feedback";
    public static final String PALETTE = "palette";
    public static final String PALETTE_ITEM = "palette-item";
    public static final String PALETTE_NAME = "palette-name";
    public static final String PALETTE_DESCRIPTION = "palette-description";
    public static final String GLYPH = "glyph";
    public static final String PROPERTY_SHEET = "property-sheet";
    public static final String PROPERTY_HEADER = "property-header";
    public static final String PROPERTY_NAME = "property-name";
    public static final String PROPERTY_DOC = "property-doc";
    public static final String PROPERTY_ERROR = "property-error";
    public static final String PROBLEMS = "problems";
    public static final String DRAG_GHOST = "drag-ghost";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    public static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    public static final PseudoClass INPUT = PseudoClass.getPseudoClass("input");
    public static final PseudoClass OUTPUT = PseudoClass.getPseudoClass("output");
    public static final PseudoClass WIRED = PseudoClass.getPseudoClass("wired");
    public static final PseudoClass ALLOWED = PseudoClass.getPseudoClass("allowed");
    public static final PseudoClass FORBIDDEN = PseudoClass.getPseudoClass("forbidden");
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    private Styles() {
    }

    /** e.g. {@code category-traversal}: colours a node header or a palette glyph by category. */
    public static String category(Category c) {
        return "category-" + c.name().toLowerCase(Locale.ROOT);
    }
}
