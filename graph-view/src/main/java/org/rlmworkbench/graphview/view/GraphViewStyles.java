package org.rlmworkbench.graphview.view;

import javafx.css.PseudoClass;

/** Style class names and pseudo-classes of the graph view and the inspector, in one place. */
public final class GraphViewStyles {

    public static final String GRAPH_VIEW = "reasoning-graph-view";
    public static final String MINIMAP = "graph-minimap";
    public static final String MINIMAP_VIEWPORT = "graph-minimap-viewport";
    public static final String HOVER = "graph-hover";
    public static final String INSPECTOR = "graph-inspector";
    public static final String INSPECTOR_TITLE = "inspector-title";
    public static final String INSPECTOR_TEXT = "inspector-text";
    public static final String INSPECTOR_STATS = "inspector-stats";
    public static final String INSPECTOR_TABLE = "inspector-children";

    /** The view is playing a transition or effect. */
    public static final PseudoClass ANIMATING = PseudoClass.getPseudoClass("animating");
    /** The view has no nodes yet. */
    public static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    /** The inspected node's state. */
    public static final PseudoClass PRUNED = PseudoClass.getPseudoClass("pruned");
    /** An invalid (model-written, rejected) step. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final PseudoClass SOLVED = PseudoClass.getPseudoClass("solved");
    public static final PseudoClass TERMINAL = PseudoClass.getPseudoClass("terminal");
    /** A children-table row of the child Select chose. */
    public static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    /** The stylesheet of the module's controls. */
    public static String stylesheet() {
        return GraphViewStyles.class.getResource("/org/rlmworkbench/graphview/graph-view.css").toExternalForm();
    }

    private GraphViewStyles() {
    }
}
