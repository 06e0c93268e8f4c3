package org.rlmworkbench.runner.training;

/**
 * Settings of a multi-phase training run, with defaults from {@link #defaults}.
 *
 * @param problem problem id
 * @param phases search-then-fit rounds (expert iteration); phase 1 searches with the
 *     problem-native policy and rollouts, later phases with the models of the phase before
 * @param instances training-split instances searched per phase (each phase takes the next ones,
 *     wrapping around)
 * @param validationInstances validation-split instances searched once for validation losses
 * @param budget MCTS iterations per instance
 * @param seed seeds search, shuffling and weight initialisation
 * @param epochs most epochs per network per phase (early stopping may end sooner)
 * @param patience epochs without a better validation loss before stopping
 * @param batchSize examples per gradient step
 * @param learningRate Adam learning rate
 * @param featureDims hashed n-gram slots per text
 * @param hidden hidden width of the value and policy networks
 * @param trainLm whether to train the generative policy too
 * @param lmEpochs most epochs of the language model per phase
 * @param lmWidth embedding width of the language model
 * @param lmLayers its transformer layers
 * @param lmHeads its attention heads
 * @param lmMaxLength its longest token sequence
 * @param lmData where the language model's examples come from (see {@link LmData})
 */
public record TrainingSettings(String problem, int phases, int instances, int validationInstances, int budget,
                               long seed, int epochs, int patience, int batchSize, float learningRate,
                               int featureDims, int hidden, boolean trainLm, int lmEpochs, int lmWidth,
                               int lmLayers, int lmHeads, int lmMaxLength, LmData lmData) {

    /** Where the language model's examples come from. */
    public enum LmData {
        /** Every legal step of every state the phase's searches visited. */
        VISITED,
        /**
         * Every legal step of every state reachable from any training-split instance (enumerated,
         * not searched; capped at {@link LmExamples#MAX_REACHABLE_STATES} states): far more states
         * and arithmetic than a search visits. Needs a problem that enumerates its steps.
         */
        REACHABLE
    }

    public TrainingSettings {
        java.util.Objects.requireNonNull(lmData, "lmData");
        if (phases < 1 || instances < 1 || validationInstances < 1 || budget < 1 || epochs < 1 || lmEpochs < 1
                || batchSize < 1) {
            throw new IllegalArgumentException("phases, instances, validation instances, budget, epochs, language-model"
                    + " epochs and batch size must be positive");
        }
    }

    public static TrainingSettings defaults(String problem) {
        return new TrainingSettings(problem, 2, 300, 60, 500, 0, 30, 4, 128, 2e-3f, 256, 128, true, 30, 64, 2, 4, 96, LmData.VISITED);
    }

    public TrainingSettings withPhases(int n) {
        return new TrainingSettings(problem, n, instances, validationInstances, budget, seed, epochs, patience,
                batchSize, learningRate, featureDims, hidden, trainLm, lmEpochs, lmWidth, lmLayers, lmHeads,
                lmMaxLength, lmData);
    }

    public TrainingSettings withInstances(int n, int validation) {
        return new TrainingSettings(problem, phases, n, validation, budget, seed, epochs, patience, batchSize,
                learningRate, featureDims, hidden, trainLm, lmEpochs, lmWidth, lmLayers, lmHeads, lmMaxLength, lmData);
    }

    public TrainingSettings withBudget(int b) {
        return new TrainingSettings(problem, phases, instances, validationInstances, b, seed, epochs, patience,
                batchSize, learningRate, featureDims, hidden, trainLm, lmEpochs, lmWidth, lmLayers, lmHeads,
                lmMaxLength, lmData);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(problem, phases, instances, validationInstances, budget, s, epochs, patience,
                batchSize, learningRate, featureDims, hidden, trainLm, lmEpochs, lmWidth, lmLayers, lmHeads,
                lmMaxLength, lmData);
    }

    public TrainingSettings withEpochs(int valueAndPolicy, int lm) {
        return new TrainingSettings(problem, phases, instances, validationInstances, budget, seed, valueAndPolicy,
                patience, batchSize, learningRate, featureDims, hidden, trainLm, lm, lmWidth, lmLayers, lmHeads,
                lmMaxLength, lmData);
    }

    public TrainingSettings withLmData(LmData d) {
        return new TrainingSettings(problem, phases, instances, validationInstances, budget, seed, epochs, patience,
                batchSize, learningRate, featureDims, hidden, trainLm, lmEpochs, lmWidth, lmLayers, lmHeads,
                lmMaxLength, d);
    }

    /** Smaller networks, for tests and demos. */
    public TrainingSettings withSizes(int dims, int width, boolean lm, int lmWidthNew, int lmLayersNew) {
        return new TrainingSettings(problem, phases, instances, validationInstances, budget, seed, epochs, patience,
                batchSize, learningRate, dims, width, lm, lmEpochs, lmWidthNew, lmLayersNew, lmHeads, lmMaxLength, lmData);
    }
}
