package org.rlmworkbench.runner.narrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rlmworkbench.runner.event.Backtracked;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.NodesAggregated;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.OperatorLeft;
import org.rlmworkbench.runner.event.Restructured;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.scheme.NodeType;

/**
 * Tells each event in one plain sentence with its numbers, for teaching: which child Select
 * chose and why (its score as Q plus the exploration term, with c, P and N filled in), what
 * Evaluate found, how far Backpropagate carried a value. Feed it every event in order; it
 * remembers node texts so sentences can name steps.
 */
public final class Narrator {
    private final List<String> texts = new ArrayList<>();

    /**
     * Takes note of what {@code event} adds without writing its sentence: for events a fast run
     * passes by unread, so that later sentences still name their steps.
     */
    public void observe(RunEvent event) {
        if (event instanceof RunStarted) {
            texts.clear();
        } else if (event instanceof NodeAdded e) {
            while (texts.size() <= e.id()) {
                texts.add("");
            }
            texts.set(e.id(), e.text());
        }
    }

    /** The sentence for {@code event}, after taking note of what it adds. */
    public String narrate(RunEvent event) {
        if (event instanceof RunStarted e) {
            texts.clear();
            return String.format(Locale.ROOT, "Run '%s' on %s '%s' with seed %d.", e.scheme(), e.problem(),
                    e.instance(), e.seed());
        } else if (event instanceof NodeAdded e) {
            while (texts.size() <= e.id()) {
                texts.add("");
            }
            texts.set(e.id(), e.text());
            if (e.parent() < 0) {
                return "The root #0 is the problem: " + e.text() + ".";
            }
            if (e.invalid()) {
                return String.format(Locale.ROOT, "The model proposed '%s': %s.%s It stays as #%d under #%d, invalid,"
                        + " with reward -1, and is never selected.", e.written().raw().strip(),
                        plainReason(e.written().raw(), e.written().reason()), times(e.written().count()), e.id(),
                        e.parent());
            }
            if (e.written() != null) {
                return String.format(Locale.ROOT, "The model wrote '%s'%s: added #%d under #%d with prior P = %s%s.",
                        e.text(), e.written().count() > 1 ? " (" + e.written().count() + " samples agree)" : "",
                        e.id(), e.parent(), num(e.prior()), e.terminal() ? " (a final answer)" : "");
            }
            return String.format(Locale.ROOT, "Added #%d '%s' under #%d with prior P = %s%s.", e.id(), e.text(),
                    e.parent(), num(e.prior()), e.terminal() ? " (a final answer)" : "");
        } else if (event instanceof OperatorEntered e) {
            return String.format(Locale.ROOT, "Step %d: %s '%s' starts with %s.", e.step(), e.operator(), e.nodeId(),
                    nodes(e.input().length));
        } else if (event instanceof OperatorLeft e) {
            if (e.operator().equals(NodeType.BRANCH.typeName())) {
                return String.format(Locale.ROOT, "Branch '%s' is %s.", e.nodeId(), e.port());
            }
            if (e.operator().equals(NodeType.LOOP.typeName())) {
                return e.port().equals("done") ? "Loop '" + e.nodeId() + "' has spent its budget."
                        : "Loop '" + e.nodeId() + "' enters its body.";
            }
            return String.format(Locale.ROOT, "%s '%s' passes %s on.", e.operator(), e.nodeId(),
                    nodes(e.output().length));
        } else if (event instanceof LoopIteration e) {
            return String.format(Locale.ROOT, "Loop '%s' begins iteration %d%s.", e.loopId(), e.iteration(),
                    e.budget() > 0 ? " of " + e.budget() : "");
        } else if (event instanceof NodeSelected e) {
            return selected(e);
        } else if (event instanceof ValuesComputed e) {
            return evaluated(e);
        } else if (event instanceof ValueBackpropagated e) {
            int n = e.path().length;
            int top = n - 1;
            return String.format(Locale.ROOT,
                    "Backpropagate (%s) carried %s from #%d up %d node%s: #%d now has N = %d and Q = %s.", e.rule(),
                    num(e.value()), e.leaf(), n, n == 1 ? "" : "s", e.path()[top], e.visits()[top], num(e.q()[top]));
        } else if (event instanceof NodePruned e) {
            return String.format(Locale.ROOT, "Pruned #%d %s: %s.", e.node(), quote(e.node()), e.reason());
        } else if (event instanceof NodesAggregated e) {
            if (e.mode().equals("vote")) {
                return String.format(Locale.ROOT, "Aggregate counted the votes: answer %s won with %d chain%s, joined in #%d.",
                        e.answer(), e.sources().length, e.sources().length == 1 ? "" : "s", e.target());
            }
            return String.format(Locale.ROOT, "Aggregate merged %d node%s with the same state into #%d.",
                    e.sources().length, e.sources().length == 1 ? "" : "s", e.target());
        } else if (event instanceof NodeRefined e) {
            return String.format(Locale.ROOT, "Refine replaced #%d (value %s) by #%d %s (value %s).", e.original(),
                    num(e.originalValue()), e.refined(), quote(e.refined()), num(e.refinedValue()));
        } else if (event instanceof Backtracked e) {
            return e.to() < 0 ? String.format(Locale.ROOT, "Backtrack: #%d is a dead end and nothing is left to try.",
                    e.from())
                    : String.format(Locale.ROOT, "Backtrack left the dead end #%d for #%d %s.", e.from(), e.to(),
                    quote(e.to()));
        } else if (event instanceof Restructured e) {
            return String.format(Locale.ROOT, "Restructure committed to #%d %s as the new root.", e.newRoot(),
                    quote(e.newRoot()));
        } else if (event instanceof SolutionFound e) {
            return String.format(Locale.ROOT, "Solution found at #%d %s: answer %s, the verifier gives %s.", e.node(),
                    quote(e.node()), e.answer(), signed(e.reward()));
        } else if (event instanceof ModelCalled e) {
            int samples = e.exchanges().stream().mapToInt(ModelCalled.Exchange::n).sum();
            // latency is measured live only (traces leave it out), so a replayed call has none
            return String.format(Locale.ROOT, "The %s model '%s' was asked %d prompt%s (%d sample%s) and answered%s:"
                    + " %d tokens in, %d out%s.", e.role(), e.model(), e.exchanges().size(),
                    e.exchanges().size() == 1 ? "" : "s", samples, samples == 1 ? "" : "s",
                    e.latencyMs() > 0 ? String.format(Locale.ROOT, " in %.0f ms", e.latencyMs()) : "",
                    e.promptTokens(), e.completionTokens(),
                    e.cost() > 0 ? String.format(Locale.ROOT, ", cost %.4f", e.cost()) : "");
        } else if (event instanceof org.rlmworkbench.runner.event.TreeImported e) {
            return "Imported tree " + (e.tree() + 1) + " of " + e.source() + " (" + e.format() + "); not in the file: "
                    + String.join(", ", e.missing()) + ".";
        } else if (event instanceof org.rlmworkbench.runner.event.VirtualLossAdded e) {
            return String.format(Locale.ROOT, "Virtual loss: until its value comes back, #%d %s and the %d node%s above it"
                    + " count %d more visit%s of value %s each, so the next descent of the batch goes elsewhere.",
                    e.leaf(), quote(e.leaf()), e.path().length - 1, e.path().length == 2 ? "" : "s", e.count(),
                    e.count() == 1 ? "" : "s", signed(e.value()));
        } else if (event instanceof org.rlmworkbench.runner.event.VirtualLossRemoved e) {
            return String.format(Locale.ROOT, "The virtual loss on the path of #%d is taken back before its real value"
                    + " is backed up.", e.leaf());
        } else if (event instanceof org.rlmworkbench.runner.event.LeavesSelected e) {
            return String.format(Locale.ROOT, "Select '%s' chose %d leaf node%s in %d descent%s, to be expanded and"
                    + " evaluated together: %s.", e.nodeId(), e.leaves().length, e.leaves().length == 1 ? "" : "s",
                    e.descents(), e.descents() == 1 ? "" : "s", java.util.Arrays.stream(e.leaves())
                            .mapToObj(n -> "#" + n).collect(java.util.stream.Collectors.joining(", ")));
        } else if (event instanceof RunFinished e) {
            return String.format(Locale.ROOT, "Finished (%s): %s, answer %s, after %d iteration%s and %d nodes.",
                    e.reason(), e.solved() ? "solved" : "not solved", e.answer() == null ? "none" : e.answer(),
                    e.iterations(), e.iterations() == 1 ? "" : "s", e.nodes());
        }
        return event.toString();
    }

    private String selected(NodeSelected e) {
        Candidate c = e.candidates().stream().filter(x -> x.node() == e.chosen()).findFirst().orElse(null);
        String among = e.candidates().size() + (e.parent() >= 0 ? " children of #" + e.parent() : " candidates");
        if (c == null) {
            return String.format(Locale.ROOT, "Select chose #%d among %s.", e.chosen(), among);
        }
        String why = switch (e.rule()) {
            case "puct" -> String.format(Locale.ROOT,
                    "score %s = Q %s + U %s, where U = c·P·√N(s)/(1+N) = %s × %s × √%d / (1 + %d)", num(c.score()),
                    num(c.q()), num(c.u()), num(e.c()), num(c.p()), e.parentVisits(), c.n());
            case "uct" -> c.n() == 0
                    ? "it was never visited, and UCT tries every child once (score ∞)"
                    : String.format(Locale.ROOT, "score %s = Q %s + U %s, where U = c·√(ln N(s)/N) = %s × √(ln %d / %d)",
                    num(c.score()), num(c.q()), num(c.u()), num(e.c()), e.parentVisits(), c.n());
            case "prior_free_puct" -> String.format(Locale.ROOT,
                    "score %s = q̂ %s + U %s, where U = √(N(s)−1)/(1+N)·(c1 + ln((N(s)+c2)/c2)) with N(s) = %d, N = %d, c1 = %s",
                    num(c.score()), num(c.q()), num(c.u()), e.parentVisits(), c.n(), num(e.c()));
            default -> String.format(Locale.ROOT, "%s score %s", e.rule(), num(c.score()));
        };
        Candidate runnerUp = e.candidates().stream().filter(x -> x.node() != e.chosen())
                .max(Comparator.comparingDouble(Candidate::score)).orElse(null);
        String versus = runnerUp == null ? "" : String.format(Locale.ROOT, "; the next best, #%d, scored %s",
                runnerUp.node(), num(runnerUp.score()));
        return String.format(Locale.ROOT, "Select (%s) chose #%d %s among %s: %s%s.", e.rule(), e.chosen(),
                quote(e.chosen()), among, why, versus);
    }

    private String evaluated(ValuesComputed e) {
        List<Evaluation> ev = e.evaluations();
        if (ev.isEmpty()) {
            return "Evaluate had nothing to value.";
        }
        if (ev.size() == 1) {
            Evaluation v = ev.get(0);
            String reward = v.reward() == null ? "" : ", reward R = " + signed(v.reward());
            return String.format(Locale.ROOT, "Evaluate (%s) valued #%d %s at V = %s%s.", e.source(), v.node(),
                    quote(v.node()), num(v.value()), reward);
        }
        Evaluation best = ev.stream().max(Comparator.comparingDouble(Evaluation::value)).orElseThrow();
        Evaluation worst = ev.stream().min(Comparator.comparingDouble(Evaluation::value)).orElseThrow();
        return String.format(Locale.ROOT, "Evaluate (%s) valued %d nodes: best #%d at %s, worst #%d at %s.",
                e.source(), ev.size(), best.node(), num(best.value()), worst.node(), num(worst.value()));
    }

    /**
     * A problem's rejection reason as the second half of a sentence: without the step it repeats
     * ({@code 13 - 4 = 8: the arithmetic is wrong (13 - 4 = 9)} becomes
     * {@code the arithmetic is wrong, 13 - 4 = 9}).
     */
    static String plainReason(String raw, String reason) {
        String r = reason.strip();
        String step = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        int colon = r.indexOf(": ");
        if (colon > 0 && !step.isEmpty() && step.startsWith(r.substring(0, colon).strip().replaceAll("\\s+", " "))) {
            r = r.substring(colon + 2).strip();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*\\S) \\(([^()]*)\\)$").matcher(r);
        if (m.matches()) {
            r = m.group(1) + ", " + m.group(2);
        }
        return r;
    }

    private static String times(int count) {
        return count > 1 ? " (" + count + " samples wrote it.)" : "";
    }

    private String quote(int node) {
        return node >= 0 && node < texts.size() ? "'" + texts.get(node) + "'" : "";
    }

    private static String nodes(int n) {
        return n + (n == 1 ? " node" : " nodes");
    }

    private static String num(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "-∞";
        }
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + String.format(Locale.ROOT, "%.0f", d);
    }
}
