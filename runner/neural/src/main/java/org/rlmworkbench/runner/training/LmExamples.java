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

    /** Most states {@link #reachable} reads, so that a problem with a vast state space stays bounded. */
    static final int MAX_REACHABLE_STATES = 200_000;
    /** Share of bad steps {@link #reachable} keeps: with every state enumerated there are many. */
    static final double REACHABLE_BAD_SHARE = 0.3;
    /** Weight of a kept bad step there: a bad step is still right arithmetic, worth learning to write. */
    static final float REACHABLE_BAD_WEIGHT = 0.3f;

    /**
     * Examples from every state reachable from {@code roots} by legal steps (depth first, in the
     * problem's step order; each state once, by its prompt text, so every order of the numbers a
     * search can show is there), at most {@link #MAX_REACHABLE_STATES} states: every good step
     * (its next state can still reach the goal) at weight 1, each bad step kept with probability
     * {@link #REACHABLE_BAD_SHARE} at weight {@link #REACHABLE_BAD_WEIGHT}. A search visits a few
     * percent of these states; the model needs the rest to learn to copy numbers and do the
     * arithmetic, and the weights teach it to prefer steps that keep the puzzle solvable.
     */
    static List<Examples.Lm> reachable(Problem<Object> problem, List<String> roots, long seed) {
        if (!problem.enumerable()) {
            throw new IllegalArgumentException("problem '" + problem.id() + "' cannot list its steps, so the language"
                    + " model's examples cannot come from every reachable state; train it on visited states");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Examples.Lm> out = new java.util.ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Object> stack = new java.util.ArrayDeque<>();
        for (String root : roots) {
            try {
                stack.push(problem.parseInstance(root));
            } catch (org.rlmworkbench.runner.problem.InstanceParseException e) {
                throw new IllegalArgumentException("instance '" + root + "': " + e.getMessage(), e);
            }
            while (!stack.isEmpty() && seen.size() < MAX_REACHABLE_STATES) {
                Object state = stack.pop();
                String prompt = problem.promptText(state);
                if (problem.isTerminal(state) || !seen.add(prompt)) {
                    continue;
                }
                List<Step<Object>> steps = problem.steps(state);
                for (Step<Object> s : steps) {
                    if (solvable(problem, s.next())) {
                        out.add(new Examples.Lm(prompt, shortest(problem, state, s), 1f));
                    } else if (rng.nextDouble() < REACHABLE_BAD_SHARE) {
                        out.add(new Examples.Lm(prompt, shortest(problem, state, s), REACHABLE_BAD_WEIGHT));
                    }
                }
                for (int i = steps.size() - 1; i >= 0; i--) {
                    if (!problem.isTerminal(steps.get(i).next())) {
                        stack.push(steps.get(i).next());
                    }
                }
            }
            stack.clear();
        }
        return out;
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
