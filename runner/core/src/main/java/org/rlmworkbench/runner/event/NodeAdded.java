package org.rlmworkbench.runner.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.function.Supplier;
import org.rlmworkbench.runner.graph.WrittenStep;

/**
 * A reasoning node was added. {@code parent} is -1 for the root; {@code state} is the problem's
 * encoded state so that a replay can rebuild it. {@code written} is set only for a step a model
 * wrote (its raw text, the rejection reason of an invalid step, the count of samples merged into it),
 * and absent from the trace otherwise, so enumerating runs keep their trace bytes.
 *
 * <p>A class rather than a record because text and state are produced lazily: a search makes
 * millions of nodes whose text no listener ever reads (benchmarks, headless evaluation), and
 * formatting them would dominate the run. Once read, the values are fixed.
 */
@JsonPropertyOrder({"id", "parent", "depth", "text", "state", "prior", "terminal", "written"})
public final class NodeAdded implements RunEvent {
    private final int id;
    private final int parent;
    private final int depth;
    private final double prior;
    private final boolean terminal;
    private final WrittenStep written;
    private Supplier<String> textSource;
    private Supplier<String> stateSource;
    private String text;
    private String state;

    @JsonCreator
    public NodeAdded(@JsonProperty("id") int id, @JsonProperty("parent") int parent,
                     @JsonProperty("depth") int depth, @JsonProperty("text") String text,
                     @JsonProperty("state") String state, @JsonProperty("prior") double prior,
                     @JsonProperty("terminal") boolean terminal, @JsonProperty("written") WrittenStep written) {
        this.id = id;
        this.written = written;
        this.parent = parent;
        this.depth = depth;
        this.text = text;
        this.state = state;
        this.prior = prior;
        this.terminal = terminal;
    }

    /** A node whose step was enumerated (or the root). */
    public NodeAdded(int id, int parent, int depth, String text, String state, double prior, boolean terminal) {
        this(id, parent, depth, text, state, prior, terminal, null);
    }

    /** An event whose text and state are computed on first request. */
    public static NodeAdded lazy(int id, int parent, int depth, Supplier<String> text, Supplier<String> state,
                                 double prior, boolean terminal) {
        NodeAdded e = new NodeAdded(id, parent, depth, null, null, prior, terminal);
        e.textSource = text;
        e.stateSource = state;
        return e;
    }

    @JsonProperty
    public int id() {
        return id;
    }

    @JsonProperty
    public int parent() {
        return parent;
    }

    @JsonProperty
    public int depth() {
        return depth;
    }

    @JsonProperty
    public synchronized String text() {
        if (text == null && textSource != null) {
            text = textSource.get();
            textSource = null;
        }
        return text;
    }

    @JsonProperty
    public synchronized String state() {
        if (state == null && stateSource != null) {
            state = stateSource.get();
            stateSource = null;
        }
        return state;
    }

    @JsonProperty
    public double prior() {
        return prior;
    }

    @JsonProperty
    public boolean terminal() {
        return terminal;
    }

    /** How a model wrote the step, or null for an enumerated step. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public WrittenStep written() {
        return written;
    }

    /** Whether a model wrote the step and the problem rejected it. */
    @JsonIgnore
    public boolean invalid() {
        return written != null && written.invalid();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeAdded n && id == n.id && parent == n.parent && depth == n.depth
                && Double.compare(prior, n.prior) == 0 && terminal == n.terminal && Objects.equals(text(), n.text())
                && Objects.equals(state(), n.state()) && Objects.equals(written, n.written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, parent, depth, prior, terminal);
    }

    @Override
    public String toString() {
        return "NodeAdded[id=" + id + ", parent=" + parent + ", depth=" + depth + ", text=" + text() + ", state="
                + state() + ", prior=" + prior + ", terminal=" + terminal + (written == null ? "" : ", written=" + written) + "]";
    }
}
