package org.rlmworkbench.runner.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language model's examples from one searched tree: for every state the search visited (once
 * per state across a collection), every legal step in its canonical text, weighted toward the good
 * ones, each in the shortest text the problem reads as it ({@link #shortest}). A step is good when the search proved its child (its subtree reached a solution), or when
 * the problem's process reward says the state it leads to can still be solved (the verifier's
 * outcome for a terminal one). Good steps get weight 1; each other step is kept with probability
 * {@link #BAD_SHARE} at weight {@link #BAD_WEIGHT}, so in expectation a bad step counts a tenth of
 * a good one. The model learns to write legal steps from every step it sees (the bad ones too)
 * and to prefer good steps from the weights. For a problem that cannot enumerate its steps, the
 * tree's own children are the examples.
 */
final class LmExamples {

    /** Share of bad steps kept. */
    static final double BAD_SHARE = 0.25;
    /** Weight of a kept bad step: BAD_SHARE x BAD_WEIGHT = 0.1 of a good step's weight in expectation. */
    static final float BAD_WEIGHT = 0.4f;

    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("(.*\\S)\\s*\\([^()]*\\)");

    private LmExamples() {
    }

    static void add(Problem<Object> problem, ReasoningGraph g, boolean[] proven, Set<String> seenStates,
                    SplittableRandom rng, List<Examples.Lm> out) {
        for (int n = 0; n < g.size(); n++) {
            if (g.isTerminal(n) || g.visits(n) == 0) {
                continue;
            }
            Object state = g.state(n);
            if (!seenStates.add(problem.stateKey(state))) {
                continue;
            }
            String prompt = problem.promptText(state);
            Map<String, Boolean> provenChild = new HashMap<>();
            for (int c : g.children(n)) {
                provenChild.merge(problem.stateKey(g.state(c)), proven[c], Boolean::logicalOr);
            }
            if (!problem.enumerable()) {
                for (int c : g.children(n)) {
                    add(out, prompt, g.text(c), proven[c], rng);
                }
                continue;
            }
            for (Step<Object> s : problem.steps(state)) {
                boolean good = Boolean.TRUE.equals(provenChild.get(problem.stateKey(s.next()))) || solvable(problem, s.next());
                add(out, prompt, shortest(problem, state, s), good, rng);
            }
        }
    }

    private static void add(List<Examples.Lm> out, String prompt, String step, boolean good, SplittableRandom rng) {
        if (good) {
            out.add(new Examples.Lm(prompt, step, 1f));
        } else if (rng.nextDouble() < BAD_SHARE) {
            out.add(new Examples.Lm(prompt, step, BAD_WEIGHT));
        }
    }

    /**
     * The step's text without a trailing parenthesised part when the problem reads the shorter text
     * as the same step (Game of 24 computes {@code (left: ...)} itself): the model then spends its
     * capacity on the part that carries the decision, and the tree still shows the canonical text.
     */
    static String shortest(Problem<Object> problem, Object state, Step<Object> step) {
        String text = step.text();
        Matcher m = TRAILING_PARENTHESIS.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String shorter = m.group(1);
        return problem.parseStep(state, shorter) instanceof StepParse.Accepted<Object> a
                && a.step().text().equals(text) ? shorter : text;
    }

    private static boolean solvable(Problem<Object> problem, Object next) {
        if (problem.isTerminal(next)) {
            return problem.outcomeReward(next) > 0;
        }
        OptionalDouble pr = problem.processReward(next);
        return pr.isPresent() && pr.getAsDouble() > 0;
    }
}
