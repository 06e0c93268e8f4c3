package org.rlmworkbench.runner.neural;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.problem.Problem;

/**
 * The networks found in a model directory (each may be absent), loaded for one problem.
 *
 * <pre>{@code
 * try (TrainedModels t = TrainedModels.load(Path.of("models"), problem)) {
 *     Models models = t.models(Models.problemNative(), false);
 *     ...
 * }
 * }</pre>
 */
public record TrainedModels(NeuralNet value, NeuralNet policy, NeuralNet lm) implements AutoCloseable {

    /**
     * Loads whatever networks {@code dir} holds.
     *
     * @throws ModelFileException when {@code dir} holds none, or one cannot be used (see {@link NeuralNet#load})
     */
    public static TrainedModels load(Path dir, Problem<?> problem) {

        if (!Files.isDirectory(dir)) {
            throw new ModelFileException(dir, Files.exists(dir) ? "is a file, not a model directory"
                    : "no such model directory");
        }
        Path models = dir;
        dir = ModelSet.resolve(models);
        NeuralNet v = null;
        NeuralNet p = null;
        NeuralNet l = null;
        try {
            v = NeuralNet.exists(dir, NetKind.VALUE) ? NeuralNet.load(dir, NetKind.VALUE, problem) : null;
            p = NeuralNet.exists(dir, NetKind.POLICY) ? NeuralNet.load(dir, NetKind.POLICY, problem) : null;
            l = NeuralNet.exists(dir, NetKind.LM) ? NeuralNet.load(dir, NetKind.LM, problem) : null;
        } catch (RuntimeException e) {
            new TrainedModels(v, p, l).close(); // the networks loaded before the bad one
            throw e;
        }
        if (v == null && p == null && l == null) {
            throw new ModelFileException(models, "holds no value.json, policy.json or lm.json");
        }
        return new TrainedModels(v, p, l);
    }

    /** The networks in {@code dir}, or none at all when {@code dir} is null. */
    public static TrainedModels loadOrNone(Path dir, Problem<?> problem) {
        return dir == null ? new TrainedModels(null, null, null) : load(dir, problem);
    }

    /**
     * {@code base} with the trained value network and policy (the language model's priors when
     * {@code useLm}, else the policy network's) where present.
     */
    public Models models(Models base, boolean useLm) {
        Models m = base;
        if (value != null) {
            m = m.withValue(new NeuralValueModel(value));
        }
        if (useLm && lm != null) {
            m = m.withPolicy(new CharLmPolicy(lm));
        } else if (policy != null) {
            m = m.withPolicy(new NeuralPolicyModel(policy));
        }
        return m;
    }

    /**
     * The trained character LM as a language model that writes steps (the writer role; batched,
     * see {@link CharLmWriter}), or null when the directory holds no {@code lm.json}.
     */
    public LanguageModel languageModel() {
        return lm == null ? null : new CharLmWriter(lm);
    }

    @Override
    public void close() {
        for (NeuralNet n : new NeuralNet[] {value, policy, lm}) {
            if (n != null) {
                n.close();
            }
        }
    }
}
