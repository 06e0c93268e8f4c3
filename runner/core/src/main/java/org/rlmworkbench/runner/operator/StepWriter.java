package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.graph.WrittenStep;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Asks the writer model for next steps of several states in one batched call and reads what it
 * wrote: every proposal goes through the problem's {@code parseStep}; proposals that reach the same
 * state merge into one (with a count), and so do identical rejected texts. A {@code STATE} model
 * reads the state's prompt text and writes one step per sample; a {@code FEW_SHOT} model reads the
 * problem's propose prompt and writes several steps, one per line, in one sample.
 */
final class StepWriter {

    /** Writes at most this many tokens per step unless the scheme says otherwise. */
    static final int MAX_TOKENS = 64;

    /**
     * One distinct proposal: the first parse of its text, how many samples wrote it and the sum of
     * their probabilities relative to the batch's best (NaN when the model gives no log-probabilities).
     */
    record Proposal(StepParse<Object> parse, int count, double weight) {
    }

    /** The proposals for each node, in node order, and the number of the call that wrote them. */
    record Written(List<List<Proposal>> proposals, int call) {
    }

    private StepWriter() {
    }

    /** The run's writer, or a failure naming the scheme node and field that needs one. */
    static LanguageModel writer(RunContext ctx, String nodeId, String field) {
        LanguageModel w = ctx.models().writer();
        if (w == null) {
            throw new RunFailedException("node '" + nodeId + "', field params." + field
                    + ": needs a writer model, and none is chosen; choose one (--writer on the command line)");
        }
        return w;
    }

    static Written write(RunContext ctx, LanguageModel writer, int[] nodes, int k, double temperature,
                         int maxTokens) {
        Problem<Object> problem = ctx.problem();
        ModelCalls calls = ctx.modelCalls();
        boolean fewShot = writer.promptStyle() == PromptStyle.FEW_SHOT;
        List<ModelCalls.Ask> asks = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            Object state = ctx.graph().state(node);
            String text = problem.promptText(state);
            CompletionRequest r = fewShot
                    ? new CompletionRequest(problem.prompts().renderPropose(text, k), 1, temperature, maxTokens * k,
                            List.of(), calls.seedFor(node))
                    : new CompletionRequest(text, k, temperature, maxTokens, List.of("\n"), calls.seedFor(node));
            asks.add(new ModelCalls.Ask(node, r));
        }
        int call = calls.count();
        List<Completion> answers = calls.complete("writer", writer, asks);
        List<List<Proposal>> all = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            all.add(read(problem, ctx.graph().state(nodes[i]), answers.get(i), fewShot));
        }
        return new Written(all, call);
    }

    private static List<Proposal> read(Problem<Object> problem, Object state, Completion c, boolean fewShot) {
        double best = Double.NEGATIVE_INFINITY;
        boolean logProbs = !fewShot;
        for (Completion.Sample s : c.samples()) {
            if (Double.isNaN(s.logProb())) {
                logProbs = false;
            } else {
                best = Math.max(best, s.logProb());
            }
        }
        Map<String, Proposal> merged = new LinkedHashMap<>();
        for (Completion.Sample s : c.samples()) {
            List<String> texts = fewShot ? lines(s.text()) : List.of(firstLine(s.text()));
            double w = logProbs ? Math.exp(s.logProb() - best) : Double.NaN;
            for (String t : texts) {
                StepParse<Object> parse = problem.parseStep(state, t);
                String key = parse instanceof StepParse.Accepted<Object> a
                        ? "ok:" + problem.stateKey(a.step().next())
                        : "bad:" + Problem.normaliseStepText(t);
                merged.merge(key, new Proposal(parse, 1, w),
                        (old, add) -> new Proposal(old.parse(), old.count() + 1, old.weight() + add.weight()));
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text;
        String stripped = t.strip();
        int nl = stripped.indexOf('\n');
        return nl < 0 ? stripped : stripped.substring(0, nl).strip();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /**
     * Priors of the proposals: the softmax of the log-probabilities (summed over merged samples) among
     * the valid ones, or their counts where the model gives no log-probabilities; 0 for invalid ones.
     */
    static double[] priors(List<Proposal> proposals) {
        double[] p = new double[proposals.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            Proposal x = proposals.get(i);
            if (x.parse() instanceof StepParse.Accepted<Object>) {
                p[i] = Double.isNaN(x.weight()) ? x.count() : x.weight();
                sum += p[i];
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? p[i] / sum : 0;
        }
        return p;
    }

    /** Adds one child per proposal under {@code parent}; returns the valid children's ids. */
    static List<Integer> addChildren(RunContext ctx, int parent, List<Proposal> proposals, int call) {
        double[] priors = priors(proposals);
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Proposal x = proposals.get(i);
            valid.addAll(addChild(ctx, parent, x, priors[i], call));
        }
        return valid;
    }

    /** Adds the child of one proposal; a list with its id when valid, else empty. */
    static List<Integer> addChild(RunContext ctx, int parent, Proposal x, double prior, int call) {
        if (x.parse() instanceof StepParse.Accepted<Object> a) {
            return List.of(ctx.addWrittenChild(parent, a.step(), prior,
                    WrittenStep.valid(a.raw(), x.count(), call)));
        }
        StepParse.Rejected<Object> r = (StepParse.Rejected<Object>) x.parse();
        ctx.addWrittenChild(parent, null, 0.0, WrittenStep.invalid(r.raw(), r.reason(), x.count(), call));
        return List.of();
    }
}
