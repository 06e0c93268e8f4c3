package org.rlmworkbench.runner.neural;

import java.util.List;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.ProblemFeatures;
import org.rlmworkbench.runner.problem.Step;

/**
 * How states and steps become network inputs, saved with each model: state = hashed character
 * n-grams (and words and word pairs) of {@code problem.encodeState(state)}, followed by the
 * problem's extra features (see {@link ProblemFeatures}); step = hashed n-grams of the step text
 * followed by the state features of the state the step leads to.
 *
 * @param type always {@code hashed-char-ngrams}
 * @param dims slots per text
 * @param minN shortest n-gram
 * @param maxN longest n-gram
 * @param words whether words and unordered word pairs are hashed in too
 * @param problemExtra number of problem-specific state features (0 when the problem adds none)
 */
public record Featurisation(String type, int dims, int minN, int maxN, boolean words, int problemExtra) {

    public static final String TYPE = "hashed-char-ngrams";

    /** The standard featurisation for {@code problem}. */
    public static Featurisation forProblem(Problem<?> problem, int dims) {
        int extra = problem instanceof ProblemFeatures<?> pf ? pf.extraFeatureCount() : 0;
        return new Featurisation(TYPE, dims, 1, 3, true, extra);
    }

    public int stateSize() {
        return dims + problemExtra;
    }

    public int stepSize() {
        return dims + stateSize();
    }

    private TextFeaturizer text() {
        return new TextFeaturizer(dims, minN, maxN, words);
    }

    /** Features of states, row after row, in one flat array of {@code states.size() * stateSize()}. */
    @SuppressWarnings("unchecked")
    public float[] states(Problem<Object> problem, List<Object> states) {
        int size = stateSize();
        float[] out = new float[states.size() * size];
        TextFeaturizer f = text();
        for (int i = 0; i < states.size(); i++) {
            Object s = states.get(i);
            f.into(problem.encodeState(s), out, i * size);
            if (problemExtra > 0 && problem instanceof ProblemFeatures<?> pf) {
                ((ProblemFeatures<Object>) pf).extraFeatures(s, out, i * size + dims);
            }
        }
        return out;
    }

    /** Features of steps (their texts and the states they lead to), row after row. */
    public float[] steps(Problem<Object> problem, List<String> stepTexts, List<Object> nextStates) {
        int size = stepSize();
        float[] out = new float[stepTexts.size() * size];
        TextFeaturizer f = text();
        float[] next = states(problem, nextStates);
        for (int i = 0; i < stepTexts.size(); i++) {
            f.into(stepTexts.get(i), out, i * size);
            System.arraycopy(next, i * stateSize(), out, i * size + dims, stateSize());
        }
        return out;
    }

    /** Features of {@code steps}. */
    public float[] steps(Problem<Object> problem, List<Step<Object>> steps) {
        return steps(problem, texts(steps), steps.stream().map(Step::next).toList());
    }

    /** Step texts of {@code steps}. */
    public static List<String> texts(List<Step<Object>> steps) {
        return steps.stream().map(Step::text).toList();
    }
}
