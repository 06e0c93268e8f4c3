package org.rlmworkbench.runner.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * A small test problem: starting from 0, add 1, 2 or 3 per step; after {@code steps} steps the
 * total must equal the target. Instance text: "target steps", e.g. "7 3". Its whole tree is small
 * enough to reason about by hand.
 */
public final class SumProblem implements Problem<SumProblem.State> {

    /** Current total, steps left, target. */
    public record State(int total, int left, int target) {
    }

    @Override
    public String id() {
        return "sum";
    }

    @Override
    public String displayName() {
        return "Sum";
    }

    @Override
    public String description() {
        return "Reach the target sum in a fixed number of steps of +1, +2 or +3.";
    }

    @Override
    public State parseInstance(String text) throws InstanceParseException {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new InstanceParseException("expected 'target steps', got '" + text + "'");
        }
        try {
            return new State(0, Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
        } catch (NumberFormatException e) {
            throw new InstanceParseException("not a number in '" + text + "'");
        }
    }

    @Override
    public String sampleInstance() {
        return "7 3";
    }

    @Override
    public List<Step<State>> steps(State s) {
        List<Step<State>> out = new ArrayList<>();
        if (s.left() == 0) {
            return out;
        }
        for (int d = 1; d <= 3; d++) {
            State n = new State(s.total() + d, s.left() - 1, s.target());
            out.add(Step.of(s.total() + " + " + d + " = " + n.total(), n));
        }
        return out;
    }

    @Override
    public boolean isTerminal(State s) {
        return s.left() == 0;
    }

    @Override
    public double outcomeReward(State s) {
        return s.total() == s.target() ? 1.0 : -1.0;
    }

    @Override
    public OptionalDouble processReward(State s) {
        int lo = s.total() + s.left();
        int hi = s.total() + 3 * s.left();
        return OptionalDouble.of(s.target() >= lo && s.target() <= hi ? 1.0 : -1.0);
    }

    @Override
    public double heuristicValue(State s) {
        double need = s.target() - s.total();
        double ideal = 2.0 * s.left();
        return Math.max(-1, 1 - Math.abs(need - ideal) / 3.0);
    }

    @Override
    public double stepPreference(State s, Step<State> step) {
        return step.next().total() - s.total();
    }

    @Override
    public String answer(State s) {
        return Integer.toString(s.total());
    }

    @Override
    public String encodeState(State s) {
        return s.total() + " " + s.left() + " " + s.target();
    }

    @Override
    public State decodeState(String text) throws InstanceParseException {
        String[] p = text.split(" ");
        if (p.length != 3) {
            throw new InstanceParseException("bad state '" + text + "'");
        }
        return new State(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    @Override
    public Dataset dataset() {
        return new Dataset(List.of("6 3", "8 3"), List.of("5 2"), List.of("7 3", "9 4"));
    }
}
