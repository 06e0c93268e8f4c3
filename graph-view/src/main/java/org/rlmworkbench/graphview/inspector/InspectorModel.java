package org.rlmworkbench.graphview.inspector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.WrittenStep;

/**
 * What the inspector shows for one node: full text, state, every statistic, and its children with
 * the selection terms of the last Select. Properties only, no controls; follows the graph model,
 * refreshing whenever it changes.
 */
public final class InspectorModel {

    private final GraphViewModel graphModel;
    private final ReadOnlyIntegerWrapper node = new ReadOnlyIntegerWrapper(this, "node", -1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No node selected");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyStringWrapper rule = new ReadOnlyStringWrapper(this, "rule", "");
    private final ReadOnlyIntegerWrapper visits = new ReadOnlyIntegerWrapper(this, "visits");
    private final ReadOnlyIntegerWrapper depth = new ReadOnlyIntegerWrapper(this, "depth");
    private final ReadOnlyDoubleWrapper q = new ReadOnlyDoubleWrapper(this, "q", Double.NaN);
    private final ReadOnlyDoubleWrapper prior = new ReadOnlyDoubleWrapper(this, "prior", Double.NaN);
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value", Double.NaN);
    private final ReadOnlyDoubleWrapper reward = new ReadOnlyDoubleWrapper(this, "reward", Double.NaN);
    private final ReadOnlyBooleanWrapper terminal = new ReadOnlyBooleanWrapper(this, "terminal");
    private final ReadOnlyBooleanWrapper solved = new ReadOnlyBooleanWrapper(this, "solved");
    private final ReadOnlyBooleanWrapper pruned = new ReadOnlyBooleanWrapper(this, "pruned");
    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper(this, "written", "");
    private final ReadOnlyStringWrapper modelCall = new ReadOnlyStringWrapper(this, "modelCall", "");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ObservableList<ChildRow> children = FXCollections.observableArrayList();

    public InspectorModel(GraphViewModel graphModel) {
        this.graphModel = Objects.requireNonNull(graphModel, "graphModel is null");
        graphModel.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- properties

    public ReadOnlyIntegerProperty nodeProperty() {
        return node.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The node's full step text. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Flags in words: terminal, solved, pruned, aggregated, refined. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last Select's rule and constant at this node, e.g. "puct, c = 1.25, N(s) = 12". */
    public ReadOnlyStringProperty ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty visitsProperty() {
        return visits.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty depthProperty() {
        return depth.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty qProperty() {
        return q.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty priorProperty() {
        return prior.getReadOnlyProperty();
    }

    /** Last value estimate V, NaN when never evaluated. */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Reward R, NaN when unknown. */
    public ReadOnlyDoubleProperty rewardProperty() {
        return reward.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty terminalProperty() {
        return terminal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty solvedProperty() {
        return solved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty prunedProperty() {
        return pruned.getReadOnlyProperty();
    }

    /**
     * For a step a model wrote: the text as written, how many samples wrote it and, for an invalid
     * one, the problem's reason; empty for an enumerated step.
     */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** For a step a model wrote: the call that wrote it (model, prompt, responses, tokens, latency); else empty. */
    public ReadOnlyStringProperty modelCallProperty() {
        return modelCall.getReadOnlyProperty();
    }

    /** Whether the node is a model-written step the problem rejected. */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** The children, in creation order, with the last Select's terms. */
    public ObservableList<ChildRow> children() {
        return FXCollections.unmodifiableObservableList(children);
    }

    // ---- commands

    /** Shows node {@code id}; -1 clears. */
    public void show(int id) {
        node.set(id);
        refresh();
    }

    /** Re-reads the node from the graph model. */
    public void refresh() {
        int id = node.get();
        ReasoningGraph g = graphModel.graph();
        if (id < 0 || id >= g.size()) {
            title.set("No node selected");
            text.set("");
            state.set("");
            rule.set("");
            visits.set(0);
            depth.set(0);
            q.set(Double.NaN);
            prior.set(Double.NaN);
            value.set(Double.NaN);
            reward.set(Double.NaN);
            terminal.set(false);
            solved.set(false);
            pruned.set(false);
            invalid.set(false);
            written.set("");
            modelCall.set("");
            children.clear();
            return;
        }
        title.set("Node #" + id + (g.parent(id) >= 0 ? "  (child of #" + g.parent(id) + ")" : "  (root)"));
        text.set(g.text(id));
        visits.set(g.visits(id));
        depth.set(g.depth(id));
        q.set(g.q(id));
        prior.set(g.prior(id));
        value.set(g.value(id));
        reward.set(g.reward(id));
        terminal.set(g.isTerminal(id));
        solved.set(g.isSolved(id));
        pruned.set(g.isPruned(id));
        invalid.set(g.isInvalid(id));
        showWritten(g, id);
        List<String> flags = new ArrayList<>();
        if (g.isTerminal(id)) {
            flags.add("terminal");
        }
        if (g.isSolved(id)) {
            flags.add("solved");
        }
        if (g.isPruned(id)) {
            flags.add("pruned");
        }
        if (g.isInvalid(id)) {
            flags.add("invalid");
        }
        if (g.isAggregated(id)) {
            flags.add("aggregated");
        }
        if (g.isRefined(id)) {
            flags.add("refined");
        }
        if (g.inFlight(id) > 0) {
            // a batched Select's descents through here, not yet backed up: the rule counts them as losses
            flags.add(g.inFlight(id) + (g.inFlight(id) == 1 ? " simulation" : " simulations")
                    + " in flight (virtual loss)");
        }
        if (g.isExpanded(id) || g.hasChildren(id)) {
            flags.add("expanded (" + g.childCount(id) + " children)");
        }
        state.set(flags.isEmpty() ? "frontier" : String.join(", ", flags));
        NodeSelected sel = graphModel.lastSelectAt(id);
        rule.set(sel == null ? "no Select at this node yet"
                : sel.rule() + ", c = " + sel.c() + ", N(s) = " + sel.parentVisits()
                        + (sel.candidates().stream().anyMatch(c -> c.inFlight() > 0)
                        ? " (N and Q with the batch's virtual loss, as the rule read them)" : ""));
        Map<Integer, Candidate> terms = new HashMap<>();
        for (Candidate c : graphModel.candidatesOf(id)) {
            terms.put(c.node(), c);
        }
        List<ChildRow> rows = new ArrayList<>();
        for (int c = g.firstChild(id); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            Candidate t = terms.get(c);
            rows.add(t == null
                    ? new ChildRow(c, g.text(c), Double.NaN, g.prior(c), g.visits(c), Double.NaN, Double.NaN, false)
                    : new ChildRow(c, g.text(c), t.q(), t.p(), t.n(), t.u(), t.score(), sel.chosen() == c));
        }
        children.setAll(rows);
    }

    private void showWritten(ReasoningGraph g, int id) {
        WrittenStep w = g.written(id);
        if (w == null) {
            written.set("");
            modelCall.set("");
            return;
        }
        String samples = w.count() > 1 ? " (" + w.count() + " samples)" : "";
        written.set(w.invalid()
                ? "Invalid step. The model wrote: \"" + w.raw() + "\"" + samples + "\nWhy it was rejected: " + w.reason()
                : "Written by the model: \"" + w.raw() + "\"" + samples);
        ModelCalled call = graphModel.modelCall(w.call());
        if (call == null) {
            modelCall.set(w.call() < 0 ? "" : "Model call #" + w.call());
            return;
        }
        int parent = g.parent(id);
        ModelCalled.Exchange x = call.exchanges().stream().filter(e -> e.node() == parent).findFirst()
                .orElse(call.exchanges().isEmpty() ? null : call.exchanges().get(0));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Model call #%d: %s '%s', %d prompts, %d tokens in / %d out",
                call.call(), call.role(), call.model(), call.exchanges().size(), call.promptTokens(),
                call.completionTokens()));
        if (call.latencyMs() > 0) { // measured live only; a call read back from a trace has none
            b.append(String.format(Locale.ROOT, ", %.0f ms", call.latencyMs()));
        }
        if (call.cost() > 0) {
            b.append(String.format(Locale.ROOT, ", cost %.4f", call.cost()));
        }
        if (x != null) {
            b.append("\nPrompt (").append(x.hash()).append("):\n").append(abbreviate(x.prompt(), 600));
            b.append("\nResponses:");
            List<String> texts = x.texts();
            double[] lp = x.logProbs();
            for (int k = 0; k < texts.size(); k++) {
                b.append(String.format(Locale.ROOT, "%n%d. %s", k + 1, abbreviate(texts.get(k).strip(), 200)));
                if (!Double.isNaN(lp[k])) {
                    b.append(String.format(Locale.ROOT, "   (log p %.2f)", lp[k]));
                }
            }
        }
        modelCall.set(b.toString());
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
