package org.rlmworkbench.graphview.layout;

/** The jungrapht layout algorithm that places the nodes. */
public enum LayoutKind {
    /** A tidy top-down tree (TidierTreeLayoutAlgorithm); DAG edges beyond the first parent are drawn but not laid out. */
    TREE,
    /** The tidy tree bent around the root (TidierRadialTreeLayoutAlgorithm). */
    RADIAL,
    /** Subtrees as nested circles (BalloonLayoutAlgorithm). */
    BALLOON,
    /** Layered Sugiyama-style drawing of the full DAG (SugiyamaLayoutAlgorithm), for Aggregate. */
    LAYERED
}
