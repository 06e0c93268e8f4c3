package org.rlmworkbench.runner.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * The reasoning structure a search grows: a tree by default, a DAG once Aggregate gives a node
 * several parents. Node statistics live in parallel primitive arrays (columnar) so that a
 * million-node tree fits comfortably in a 1 GiB heap; {@link #node(int)} gives an immutable view.
 *
 * <p>Not thread-safe: one run mutates it from one thread. Views show other threads the run's
 * event stream instead.
 */
public final class ReasoningGraph {

    public static final int NONE = -1;

    private static final byte TERMINAL = 1;
    private static final byte SOLVED = 2;
    private static final byte PRUNED = 4;
    private static final byte AGGREGATED = 8;
    private static final byte EXPANDED = 16;
    private static final byte REFINED = 32;
    private static final byte INVALID = 64;
    /** A value, reward or visit was recorded: a terminal node is known once it has been evaluated. */
    private static final byte KNOWN = (byte) 128;

    private int size;
    private int root = NONE;
    /** Nodes the search has not finished with: unexpanded inner nodes and unevaluated terminals, not pruned. */
    private int open;
    /** Counts every change, so a loop can tell an iteration that changed nothing. */
    private long version;
    private int[] parent;
    private short[] depth;
    private float[] prior;
    private int[] visits;
    /** Simulations in flight through each node (selected, not yet backed up): see {@link VirtualLoss}. */
    private int[] inFlight;
    /** Sum of {@link #inFlight}, so that "none in flight" is one comparison. */
    private long inFlightTotal;
    private double[] q;
    private float[] value;
    private float[] reward;
    private byte[] flags;
    private int[] firstChild;
    private int[] lastChild;
    private int[] nextSibling;
    private Object[] step;
    private Object[] state;
    /** Extra parents beyond the first, only for nodes merged by Aggregate. */
    private final Map<Integer, int[]> extraParents = new HashMap<>();
    /** How a model wrote a node's step, only for written nodes (none in an enumerating search). */
    private final Map<Integer, WrittenStep> written = new HashMap<>();
    /** Nested reasoning structures, rare, so kept aside. */
    private final Map<Integer, ReasoningGraph> nested = new HashMap<>();

    public ReasoningGraph() {
        this(1024);
    }

    public ReasoningGraph(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        parent = new int[c];
        depth = new short[c];
        prior = new float[c];
        visits = new int[c];
        inFlight = new int[c];
        q = new double[c];
        value = new float[c];
        reward = new float[c];
        flags = new byte[c];
        firstChild = new int[c];
        lastChild = new int[c];
        nextSibling = new int[c];
        step = new Object[c];
        state = new Object[c];
    }

    private void ensureCapacity(int needed) {
        if (needed <= parent.length) {
            return;
        }
        int c = Math.max(needed, parent.length + (parent.length >> 1));
        parent = Arrays.copyOf(parent, c);
        depth = Arrays.copyOf(depth, c);
        prior = Arrays.copyOf(prior, c);
        visits = Arrays.copyOf(visits, c);
        inFlight = Arrays.copyOf(inFlight, c);
        q = Arrays.copyOf(q, c);
        value = Arrays.copyOf(value, c);
        reward = Arrays.copyOf(reward, c);
        flags = Arrays.copyOf(flags, c);
        firstChild = Arrays.copyOf(firstChild, c);
        lastChild = Arrays.copyOf(lastChild, c);
        nextSibling = Arrays.copyOf(nextSibling, c);
        step = Arrays.copyOf(step, c);
        state = Arrays.copyOf(state, c);
    }

    /**
     * Adds the root node.
     *
     * @param stepContent the root's content (problem statement text or a step object)
     * @throws IllegalStateException if the graph already has nodes
     */
    public int addRoot(Object stepContent, Object rootState, boolean terminal) {
        if (size != 0) {
            throw new IllegalStateException("graph already has a root");
        }
        int id = newNode(NONE, 0, 1.0, stepContent, rootState, terminal);
        root = id;
        return id;
    }

    /**
     * Adds a child under {@code parentId}, after its existing children.
     *
     * @param stepContent a {@link String} or a {@code Step} whose {@code text()} is read lazily
     */
    public int addChild(int parentId, Object stepContent, Object childState, double childPrior, boolean terminal) {
        check(parentId);
        int id = newNode(parentId, depth[parentId] + 1, childPrior, stepContent, childState, terminal);
        if (firstChild[parentId] == NONE) {
            firstChild[parentId] = id;
        } else {
            nextSibling[lastChild[parentId]] = id;
        }
        lastChild[parentId] = id;
        return id;
    }

    /**
     * Adds a child whose step a model wrote. An invalid one (the problem rejected the text) keeps
     * its parent's state, is terminal with reward -1, and no Select rule ever chooses it.
     */
    public int addWrittenChild(int parentId, Object stepContent, Object childState, double childPrior,
                               boolean terminal, WrittenStep how) {
        int id = addChild(parentId, stepContent, childState, childPrior, terminal || how.invalid());
        written.put(id, how);
        if (how.invalid()) {
            setFlag(id, INVALID); // never chosen, so never evaluated: it closes now
            reward[id] = -1f;
        }
        return id;
    }

    /** How a model wrote the node's step, or null for an enumerated step or the root. */
    public WrittenStep written(int id) {
        return written.get(id);
    }

    /** Replaces a written node's record, e.g. when one more sample proposed the same step. */
    public void setWritten(int id, WrittenStep how) {
        check(id);
        written.put(id, how);
    }

    /** Whether a model wrote the step and the problem rejected it. */
    public boolean isInvalid(int id) {
        return (flags[id] & INVALID) != 0;
    }

    private int newNode(int parentId, int d, double p, Object content, Object st, boolean terminal) {
        version++;
        open++;
        ensureCapacity(size + 1);
        int id = size++;
        parent[id] = parentId;
        depth[id] = (short) Math.min(d, Short.MAX_VALUE);
        prior[id] = (float) p;
        visits[id] = 0;
        inFlight[id] = 0;
        q[id] = 0.0;
        value[id] = Float.NaN;
        reward[id] = Float.NaN;
        flags[id] = terminal ? TERMINAL : 0;
        firstChild[id] = NONE;
        lastChild[id] = NONE;
        nextSibling[id] = NONE;
        step[id] = content;
        state[id] = st;
        return id;
    }

    /** Adds {@code extraParent} as a further parent of {@code node} (a DAG edge made by Aggregate). */
    public void addParent(int node, int extraParent) {
        version++;
        check(node);
        check(extraParent);
        if (parent[node] == extraParent) {
            return;
        }
        int[] old = extraParents.getOrDefault(node, new int[0]);
        for (int p : old) {
            if (p == extraParent) {
                return;
            }
        }
        int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = extraParent;
        extraParents.put(node, grown);
    }

    private void check(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("no node " + id + " (graph has " + size + ")");
        }
    }

    public int size() {
        return size;
    }

    /** Nodes that may still grow: neither terminal, nor expanded, nor pruned. None left: the tree is exhausted. */
    public int openCount() {
        return open;
    }

    /** A number that changes with every change to the graph. */
    public long version() {
        return version;
    }

    private boolean isOpen(int id) {
        byte f = flags[id];
        if ((f & (PRUNED | INVALID)) != 0) {
            return false;
        }
        return (f & TERMINAL) != 0 ? (f & KNOWN) == 0 : (f & EXPANDED) == 0;
    }

    private void setFlag(int id, byte flag) {
        boolean wasOpen = isOpen(id);
        flags[id] |= flag;
        if (wasOpen && !isOpen(id)) {
            open--;
        }
        version++;
    }

    public int root() {
        return root;
    }

    /** Moves the search root (Restructure); the old nodes stay in the graph. */
    public void setRoot(int id) {
        version++;
        check(id);
        root = id;
    }

    public int parent(int id) {
        return parent[id];
    }

    /** All parents: the first (tree) parent followed by any extra parents from Aggregate. */
    public int[] parents(int id) {
        int[] extra = extraParents.get(id);
        if (parent[id] == NONE) {
            return extra == null ? new int[0] : extra.clone();
        }
        if (extra == null) {
            return new int[] {parent[id]};
        }
        int[] all = new int[extra.length + 1];
        all[0] = parent[id];
        System.arraycopy(extra, 0, all, 1, extra.length);
        return all;
    }

    public int depth(int id) {
        return depth[id];
    }

    public double prior(int id) {
        return prior[id];
    }

    public int visits(int id) {
        return visits[id];
    }

    public double q(int id) {
        return q[id];
    }

    /** Last value estimate V, or NaN when never evaluated. */
    public double value(int id) {
        return value[id];
    }

    /** Reward R, or NaN when none is known. */
    public double reward(int id) {
        return reward[id];
    }

    public Object state(int id) {
        return state[id];
    }

    /** The step content object (a String or a problem Step). */
    public Object stepContent(int id) {
        return step[id];
    }

    /** The node's step text. */
    public String text(int id) {
        Object s = step[id];
        if (s instanceof org.rlmworkbench.runner.problem.Step<?> st) {
            return st.text();
        }
        return String.valueOf(s);
    }

    public int firstChild(int id) {
        return firstChild[id];
    }

    public int nextSibling(int id) {
        return nextSibling[id];
    }

    public int childCount(int id) {
        int n = 0;
        for (int c = firstChild[id]; c != NONE; c = nextSibling[c]) {
            n++;
        }
        return n;
    }

    /** Children in creation order. */
    public int[] children(int id) {
        int[] out = new int[childCount(id)];
        int i = 0;
        for (int c = firstChild[id]; c != NONE; c = nextSibling[c]) {
            out[i++] = c;
        }
        return out;
    }

    public boolean hasChildren(int id) {
        return firstChild[id] != NONE;
    }

    public boolean isTerminal(int id) {
        return (flags[id] & TERMINAL) != 0;
    }

    public boolean isSolved(int id) {
        return (flags[id] & SOLVED) != 0;
    }

    public boolean isPruned(int id) {
        return (flags[id] & PRUNED) != 0;
    }

    public boolean isAggregated(int id) {
        return (flags[id] & AGGREGATED) != 0;
    }

    public boolean isExpanded(int id) {
        return (flags[id] & EXPANDED) != 0;
    }

    public boolean isRefined(int id) {
        return (flags[id] & REFINED) != 0;
    }

    public void markSolved(int id) {
        version++;
        flags[id] |= SOLVED;
    }

    public void markPruned(int id) {
        setFlag(id, PRUNED);
    }

    public void markAggregated(int id) {
        version++;
        flags[id] |= AGGREGATED;
    }

    public void markExpanded(int id) {
        setFlag(id, EXPANDED);
    }

    public void markRefined(int id) {
        version++;
        flags[id] |= REFINED;
    }

    public void setValue(int id, double v) {
        setFlag(id, KNOWN);
        version++;
        value[id] = (float) v;
    }

    public void setReward(int id, double r) {
        setFlag(id, KNOWN);
        version++;
        reward[id] = (float) r;
    }

    /** Sets the visit count and mean value Q directly (Backpropagate and replay). */
    public void setStats(int id, int n, double meanQ) {
        setFlag(id, KNOWN);
        version++;
        visits[id] = n;
        q[id] = meanQ;
    }

    /**
     * Simulations in flight through {@code id}: selected in a batch (or by another thread) and not
     * yet backed up. A selection rule reads them through {@link VirtualLoss}.
     */
    public int inFlight(int id) {
        return inFlight[id];
    }

    /** Whether any simulation is in flight anywhere in the graph. */
    public boolean anyInFlight() {
        return inFlightTotal != 0;
    }

    /**
     * Counts one more simulation in flight through every node of {@code path} (a selection's
     * descent). Not a change of the graph's {@link #version}: the search has learned nothing yet.
     */
    public void addInFlight(int[] path) {
        for (int id : path) {
            check(id);
        }
        for (int id : path) {
            inFlight[id]++;
        }
        inFlightTotal += path.length;
    }

    /**
     * Takes back one in-flight simulation from every node of {@code path}, as {@link #addInFlight}
     * added it.
     *
     * @throws IllegalStateException naming the node when one of them has none in flight
     */
    public void removeInFlight(int[] path) {
        for (int id : path) {
            check(id);
            if (inFlight[id] <= 0) {
                throw new IllegalStateException("node " + id + " has no simulation in flight to take back");
            }
        }
        for (int id : path) {
            inFlight[id]--;
        }
        inFlightTotal -= path.length;
    }

    public void setPrior(int id, double p) {
        version++;
        prior[id] = (float) p;
    }

    /** Path from the root down to {@code id} along first parents. */
    public int[] pathTo(int id) {
        int len = 0;
        for (int n = id; n != NONE; n = parent[n]) {
            len++;
        }
        int[] path = new int[len];
        for (int n = id, i = len - 1; n != NONE; n = parent[n], i--) {
            path[i] = n;
        }
        return path;
    }

    /** Nested structure attached to a node, if any. */
    public ReasoningGraph nested(int id) {
        return nested.get(id);
    }

    public void setNested(int id, ReasoningGraph structure) {
        version++;
        check(id);
        nested.put(id, structure);
    }

    /** Immutable snapshot of one node. */
    public NodeView node(int id) {
        check(id);
        return new NodeView(id, parents(id), depth[id], text(id), prior[id], visits[id], q[id],
                value[id], reward[id], isTerminal(id), isSolved(id), isPruned(id), isAggregated(id),
                nested.containsKey(id), written.get(id));
    }

    /** Every node as a snapshot, in id order. */
    public List<NodeView> nodes() {
        List<NodeView> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(node(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * The structure as a JGraphT graph over node ids (edges point from parent to child), for
     * algorithms and export. A snapshot: later growth is not reflected.
     */
    public Graph<Integer, DefaultEdge> asGraph() {
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < size; i++) {
            g.addVertex(i);
        }
        for (int i = 0; i < size; i++) {
            for (int p : parents(i)) {
                g.addEdge(p, i);
            }
        }
        return g;
    }
}
