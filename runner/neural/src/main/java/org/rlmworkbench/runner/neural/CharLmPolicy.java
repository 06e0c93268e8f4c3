package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PolicyModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * The generative policy: a character-level transformer that writes the next step as text given
 * the state text as prompt. As a {@link PolicyModel} its priors are the softmax of the log
 * probabilities it gives each legal step's text (all steps in one forward pass); as a sampler
 * it writes a step token by token and the problem reads it ({@link Problem#parseStep}); the
 * batched writer of many steps at once is {@link CharLmWriter}.
 */
public final class CharLmPolicy implements PolicyModel {
    private final NeuralNet net;

    /** A written step: its text, its log-probability, and what the problem made of it. */
    public record Sampled(String text, double logProb, StepParse<Object> parse) {
        public boolean wellFormed() {
            return parse instanceof StepParse.Accepted;
        }

        /** The legal step the text names, or null when the problem rejected it. */
        public Step<Object> step() {
            return parse instanceof StepParse.Accepted<Object> a ? a.step() : null;
        }
    }

    public CharLmPolicy(NeuralNet net) {
        if (net.config().kind() != NetKind.LM) {
            throw new IllegalArgumentException("not a language model: " + net.config().kind());
        }
        this.net = net;
    }

    public NeuralNet net() {
        return net;
    }

    @Override
    public String name() {
        return "neural-lm";
    }

    @Override
    public double[] priors(Problem<Object> problem, Object state, List<Step<Object>> steps) {
        if (steps.isEmpty()) {
            return new double[0];
        }
        return NeuralPolicyModel.softmax(logProbs(problem.promptText(state), Featurisation.texts(steps)));
    }

    /** log P(step | prompt) for each step text (ending with the end token), in one forward pass. */
    public double[] logProbs(String prompt, List<String> steps) {
        int maxLen = net.config().architecture().maxLength();
        int[][] seqs = new int[steps.size()][];
        int[] starts = new int[steps.size()];
        int len = 0;
        for (int i = 0; i < seqs.length; i++) {
            int[][] e = CharVocabulary.encode(prompt, steps.get(i), maxLen);
            seqs[i] = e[0];
            starts[i] = e[1][0];
            len = Math.max(len, seqs[i].length - 1);
        }
        int[] input = new int[seqs.length * len];
        for (int i = 0; i < seqs.length; i++) {
            System.arraycopy(seqs[i], 0, input, i * len, seqs[i].length - 1);
        }
        float[] logp;
        int v = CharVocabulary.SIZE;
        try (NDManager m = net.manager().newSubManager()) {
            NDArray logits = net.predict(new NDList(m.create(input, new Shape(seqs.length, len)))).head();
            logp = logits.logSoftmax(2).toFloatArray();
        }
        double[] out = new double[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            double sum = 0;
            for (int pos = starts[i]; pos < seqs[i].length; pos++) {
                sum += logp[(i * len + pos - 1) * v + seqs[i][pos]];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * Writes one step for {@code prompt}, sampling each character at {@code temperature} (0: the
     * most likely one), up to the end token or the length limit.
     */
    public WrittenText sampleText(String prompt, double temperature, SplittableRandom rng) {
        int maxLen = net.config().architecture().maxLength();
        int[] prefix = CharVocabulary.encode(prompt, null, maxLen)[0];
        try {
            return CharLmDecoder.decode(net, List.of(new CharLmDecoder.Job(prefix, temperature, rng, maxLen, List.of())),
                    CancelToken.none()).get(0);
        } catch (ModelCallException e) {
            throw new IllegalStateException("a call that cannot be cancelled was cancelled", e);
        }
    }

    /** Samples a step for {@code state} from its prompt text and reads it with {@link Problem#parseStep}. */
    public Sampled sample(Problem<Object> problem, Object state, double temperature, SplittableRandom rng) {
        WrittenText w = sampleText(problem.promptText(state), temperature, rng);
        return new Sampled(w.text(), w.logProb(), problem.parseStep(state, w.text()));
    }
}
