package org.rlmworkbench.runner.problem;

/**
 * The optional hook by which a problem adds its own features to the shared n-gram ones: a
 * {@link Problem} that also implements this interface has
 * {@link #extraFeatures} appended to every state's feature vector (value and policy networks; see
 * {@code org.rlmworkbench.runner.neural.Featurisation}).
 * The size must never change for a problem, since saved models record it.
 *
 * @param <S> the problem's state type
 */
public interface ProblemFeatures<S> {

    /** Number of extra features per state. */
    int extraFeatureCount();

    /** Writes the state's extra features into {@code out} from {@code offset}. */
    void extraFeatures(S state, float[] out, int offset);
}
