package org.rlmworkbench.runner.neural;

/**
 * The shape of a network, saved in its JSON config and checked when it is loaded.
 *
 * @param stateInputs state feature size (value and policy networks)
 * @param stepInputs step feature size (policy network)
 * @param hidden hidden width (MLPs) or embedding width (language model)
 * @param layers hidden layers (value MLP) or transformer layers (language model)
 * @param heads attention heads (language model)
 * @param maxLength longest token sequence (language model)
 * @param vocabulary token count (language model)
 */
public record Architecture(int stateInputs, int stepInputs, int hidden, int layers, int heads, int maxLength,
                           int vocabulary) {

    public static Architecture value(Featurisation f, int hidden) {
        return new Architecture(f.stateSize(), 0, hidden, 2, 0, 0, 0);
    }

    public static Architecture policy(Featurisation f, int hidden) {
        return new Architecture(f.stateSize(), f.stepSize(), hidden, 1, 0, 0, 0);
    }

    public static Architecture lm(int embed, int layers, int heads, int maxLength) {
        return new Architecture(0, 0, embed, layers, heads, maxLength, CharVocabulary.SIZE);
    }
}
