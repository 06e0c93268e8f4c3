package org.rlmworkbench.app.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;

/**
 * The numbers the charts draw, computed from events alone: best value and root Q by iteration,
 * the root's visit distribution over its children, and nodes over events. Replaying a prefix of
 * the events gives the charts as they were then.
 */
public final class ChartsModel {

    /** One point per loop iteration: best value seen so far and the root's Q. */
    public record IterationPoint(int iteration, double bestValue, double rootQ) {
    }

    /**
     * Steps a model wrote during one iteration (each sample counted, merged duplicates included) and
     * how many of them the problem rejected.
     */
    public record ProposalPoint(int iteration, int proposals, int invalid) {
    }

    /** Nodes in the graph after a given number of events. */
    /** After model call {@code call} (from 1): prompts of that call, tokens and cost of all calls so far. */
    public record CallPoint(int call, int prompts, long tokens, double cost) {
    }

    public record SizePoint(long event, int nodes) {
    }

    private final List<IterationPoint> iterations = new ArrayList<>();
    private final List<SizePoint> sizes = new ArrayList<>();
    private final List<ProposalPoint> proposals = new ArrayList<>();
    private final List<CallPoint> calls = new ArrayList<>();
    private int written;
    private int invalid;
    private final Map<Integer, Integer> rootChildVisits = new LinkedHashMap<>();
    private final Map<Integer, String> rootChildText = new LinkedHashMap<>();
    private String firstLoop;
    private int iteration;
    private double bestValue = Double.NaN;
    private double rootQ = Double.NaN;
    private int nodes;
    private long events;

    /** Takes one event into account. */
    public void accept(RunEvent e) {
        if (e instanceof RunStarted) {
            iterations.clear();
            sizes.clear();
            proposals.clear();
            calls.clear();
            written = 0;
            invalid = 0;
            rootChildVisits.clear();
            rootChildText.clear();
            firstLoop = null;
            iteration = 0;
            bestValue = Double.NaN;
            rootQ = Double.NaN;
            nodes = 0;
            events = 0;
        }
        events++;
        if (e instanceof NodeAdded a) {
            nodes++;
            if (a.written() != null) {
                written += a.written().count();
                if (a.invalid()) {
                    invalid += a.written().count();
                }
            }
            if (a.parent() == 0) {
                rootChildVisits.put(a.id(), 0);
                rootChildText.put(a.id(), a.text());
            }
            if (nodes % 16 == 1 || sizes.isEmpty()) {
                sizes.add(new SizePoint(events, nodes));
            }
        } else if (e instanceof org.rlmworkbench.runner.event.ModelCalled m) {
            CallPoint last = calls.isEmpty() ? new CallPoint(0, 0, 0, 0) : calls.get(calls.size() - 1);
            calls.add(new CallPoint(calls.size() + 1, m.exchanges().size(),
                    last.tokens() + m.promptTokens() + m.completionTokens(), last.cost() + m.cost()));
        } else if (e instanceof ValuesComputed v) {
            for (Evaluation ev : v.evaluations()) {
                if (Double.isNaN(bestValue) || ev.value() > bestValue) {
                    bestValue = ev.value();
                }
            }
        } else if (e instanceof ValueBackpropagated b) {
            for (int i = 0; i < b.path().length; i++) {
                int node = b.path()[i];
                if (node == 0) {
                    rootQ = b.q()[i];
                } else if (rootChildVisits.containsKey(node)) {
                    rootChildVisits.put(node, b.visits()[i]);
                }
            }
        } else if (e instanceof LoopIteration li) {
            if (firstLoop == null) {
                firstLoop = li.loopId();
            }
            if (li.loopId().equals(firstLoop)) {
                if (iteration > 0) {
                    iterations.add(new IterationPoint(iteration, bestValue, rootQ));
                    proposals.add(new ProposalPoint(iteration, written, invalid));
                }
                written = 0;
                invalid = 0;
                iteration = li.iteration();
            }
        }
    }

    /** One point per model call, in order; empty when no language model was called. */
    public List<CallPoint> calls() {
        return java.util.Collections.unmodifiableList(calls);
    }

    /** Points of finished iterations, in order. */
    public List<IterationPoint> iterations() {
        return iterations;
    }

    /** Written and invalid proposals of each finished iteration, in order; all zero when no model writes. */
    public List<ProposalPoint> proposals() {
        return proposals;
    }

    /** Samples of the graph size (one per 16 nodes). */
    public List<SizePoint> sizes() {
        return sizes;
    }

    /** Visits of each of the root's children, in creation order. */
    public Map<Integer, Integer> rootChildVisits() {
        return rootChildVisits;
    }

    public String rootChildText(int child) {
        return rootChildText.getOrDefault(child, "#" + child);
    }

    public int nodes() {
        return nodes;
    }

    public double bestValue() {
        return bestValue;
    }

    public double rootQ() {
        return rootQ;
    }
}
