package org.rlmworkbench.runner.problem;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A problem environment: parses instances, enumerates legal reasoning steps, moves between
 * states and verifies answers. Implementations are found with {@link java.util.ServiceLoader}
 * (see {@link Problems}); states are immutable values of type {@code S}.
 *
 * @param <S> the problem's state type
 */
public interface Problem<S> {

    /** Short stable identifier used on the command line and in files, e.g. {@code game24}. */
    String id();

    /** Human readable name. */
    String displayName();

    /** One paragraph on what the problem is. */
    String description();

    /**
     * Parses an instance, e.g. {@code "4 6 8 2"}.
     *
     * @throws InstanceParseException naming what is wrong with the text
     */
    S parseInstance(String text) throws InstanceParseException;

    /** An instance that shows the problem well, for first launch and demos. */
    String sampleInstance();

    /**
     * Every legal next step from {@code state}, in a deterministic order; empty at terminal states.
     * Only called when {@link #enumerable()}; a problem whose steps cannot be listed throws
     * {@link UnsupportedOperationException}.
     */
    List<Step<S>> steps(S state);

    /** Whether {@link #steps} can list the legal steps; a problem that cannot still runs with a writer model. */
    default boolean enumerable() {
        return true;
    }

    /**
     * Reads a step written as free text by a model: lenient on surface form, strict on content.
     * The default accepts a text equal, after trimming and collapsing spaces, to one enumerated step.
     */
    default StepParse<S> parseStep(S state, String text) {
        String wanted = normaliseStepText(text);
        if (wanted.isEmpty()) {
            return StepParse.rejected(text, "not a step: the text is empty");
        }
        if (!enumerable()) {
            return StepParse.rejected(text, "this problem cannot read written steps");
        }
        for (Step<S> s : steps(state)) {
            if (normaliseStepText(s.text()).equals(wanted)) {
                return StepParse.accepted(text, s);
            }
        }
        return StepParse.rejected(text, "not one of the legal steps");
    }

    /** Trims and collapses white space, the default surface leniency of {@link #parseStep}. */
    static String normaliseStepText(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** The state as a language model reads it in a prompt; the encoded state by default. */
    default String promptText(S state) {
        return encodeState(state);
    }

    /** The problem's few-shot prompts; plain generic ones by default. */
    default Prompts prompts() {
        return Prompts.generic();
    }

    /**
     * One uniformly random legal step's resulting state, for rollouts; may avoid building step text.
     * Returns {@code null} when there is none.
     */
    default S randomNext(S state, SplittableRandom rng) {
        List<Step<S>> all = steps(state);
        return all.isEmpty() ? null : all.get(rng.nextInt(all.size())).next();
    }

    /** Whether no further step is possible or wanted. */
    boolean isTerminal(S state);

    /** The verifier: outcome reward of a terminal state, +1 for a correct answer and -1 otherwise. */
    double outcomeReward(S state);

    /** Optional process reward of a partial state in [-1, 1] (a process reward model / step verifier). */
    default OptionalDouble processReward(S state) {
        return OptionalDouble.empty();
    }

    /** Cheap problem-native estimate of a state's value in [-1, 1]; 0 when the problem knows nothing. */
    default double heuristicValue(S state) {
        return 0.0;
    }

    /** Problem-native unnormalised preference for a step, used by the heuristic policy; 1 by default. */
    default double stepPreference(S state, Step<S> step) {
        return 1.0;
    }

    /** The final answer written by a (terminal) state, used for majority voting. */
    String answer(S state);

    /** Text form of a state that {@link #decodeState} reads back exactly. */
    String encodeState(S state);

    /** Reads a state written by {@link #encodeState}. */
    S decodeState(String text) throws InstanceParseException;

    /** Key under which equal states are merged by Aggregate; the encoded state by default. */
    default String stateKey(S state) {
        return encodeState(state);
    }

    /** The problem's dataset with fixed train, validation and test splits. */
    Dataset dataset();

    /** The gold answer of an instance where the problem knows it, else {@code null}. */
    default String goldAnswer(String instanceText) {
        return null;
    }

    /** Difficulty of an instance where the problem grades it, else NaN. */
    default double instanceDifficulty(String instanceText) {
        return Double.NaN;
    }

    /** The instances of a split with ids ({@code <problem>-<split>-<index>}), gold answers and difficulty. */
    default List<Instance> instances(Split split) {
        List<String> texts = dataset().split(split);
        java.util.ArrayList<Instance> out = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            out.add(new Instance(id() + "-" + split.label() + "-" + i, t, goldAnswer(t), instanceDifficulty(t)));
        }
        return out;
    }
}
