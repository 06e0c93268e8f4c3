package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.PolicyModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * The generative policy: a character-level transformer that writes the next step as text given
 * the state text as prompt. As a {@link PolicyModel} its priors are the softmax of the log
 * probabilities it gives each legal step's text (all steps in one forward pass); as a sampler
 * it writes a step token by token, and {@link #parse} matches the text against the legal steps
 * (a text that is none of them is malformed).
 */
public final class CharLmPolicy implements PolicyModel {
    private final NeuralNet net;

    /** A written step: its text, its log-probability, and the legal step it names (null if malformed). */
    public record Sampled(String text, double logProb, Step<Object> step) {
        public boolean wellFormed() {
            return step != null;
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
        return NeuralPolicyModel.softmax(logProbs(problem.encodeState(state), Featurisation.texts(steps)));
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
    public String[] sampleText(String prompt, double temperature, SplittableRandom rng) {
        int maxLen = net.config().architecture().maxLength();
        int[] prefix = CharVocabulary.encode(prompt, null, maxLen)[0];
        List<Integer> tokens = new ArrayList<>();
        for (int t : prefix) {
            tokens.add(t);
        }
        StringBuilder text = new StringBuilder();
        double logProb = 0;
        int v = CharVocabulary.SIZE;
        while (tokens.size() < maxLen) {
            int[] in = tokens.stream().mapToInt(Integer::intValue).toArray();
            float[] last;
            try (NDManager m = net.manager().newSubManager()) {
                NDArray logits = net.predict(new NDList(m.create(in, new Shape(1, in.length)))).head();
                last = logits.get(new NDIndex("0, -1, :")).logSoftmax(0).toFloatArray();
            }
            int next = pick(last, temperature, rng);
            logProb += last[next];
            if (next == CharVocabulary.EOS || next < 4) {
                break;
            }
            text.append(CharVocabulary.character(next));
            tokens.add(next);
        }
        return new String[] {text.toString(), Double.toString(logProb)};
    }

    private static int pick(float[] logp, double temperature, SplittableRandom rng) {
        int best = 0;
        for (int i = 1; i < logp.length; i++) {
            if (logp[i] > logp[best]) {
                best = i;
            }
        }
        if (temperature <= 0) {
            return best;
        }
        double[] w = new double[logp.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp((logp[i] - logp[best]) / temperature);
            sum += w[i];
        }
        double r = rng.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) {
                return i;
            }
        }
        return best;
    }

    /** Samples a step for {@code state} and parses it against the problem's legal steps. */
    public Sampled sample(Problem<Object> problem, Object state, double temperature, SplittableRandom rng) {
        String[] s = sampleText(problem.encodeState(state), temperature, rng);
        return new Sampled(s[0], Double.parseDouble(s[1]), parse(problem, state, s[0]));
    }

    /** The legal step of {@code state} whose text is {@code text} (spaces trimmed), or null: malformed. */
    public static Step<Object> parse(Problem<Object> problem, Object state, String text) {
        String t = text.trim();
        for (Step<Object> step : problem.steps(state)) {
            if (step.text().equals(t)) {
                return step;
            }
        }
        return null;
    }
}
