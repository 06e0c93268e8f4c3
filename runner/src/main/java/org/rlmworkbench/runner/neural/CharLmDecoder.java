package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.ModelCallException;

/**
 * Writes many sequences with the character transformer at once: each generated character is one
 * forward pass over every sequence still writing (right-padded, each read at its own last
 * position, so prompts of different lengths keep their absolute positions). Finished sequences
 * leave the batch. No key/value cache: at these sizes a pass costs about the same at length 1 as
 * at length 40 (see docs/neural.md), so recomputing the prefix is cheaper than the bookkeeping.
 */
final class CharLmDecoder {

    /**
     * One sequence to write: its prompt tokens ({@code BOS prompt SEP}), temperature (0: the most
     * likely character), its own random stream, the most characters to write, and stop strings.
     */
    record Job(int[] prefix, double temperature, SplittableRandom rng, int maxNew, List<String> stop) {
    }

    private CharLmDecoder() {
    }

    static List<WrittenText> decode(NeuralNet net, List<Job> jobs, CancelToken cancel) throws ModelCallException {
        int maxLen = net.config().architecture().maxLength();
        int n = jobs.size();
        int[][] seq = new int[n][];
        int[] len = new int[n];
        StringBuilder[] text = new StringBuilder[n];
        double[] logProb = new double[n];
        int[] generated = new int[n];
        WrittenText[] out = new WrittenText[n];
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Job j = jobs.get(i);
            seq[i] = Arrays.copyOf(j.prefix(), maxLen + 1);
            len[i] = j.prefix().length;
            text[i] = new StringBuilder();
            if (j.maxNew() <= 0 || len[i] >= maxLen) {
                out[i] = new WrittenText("", 0, "length", 0);
            } else {
                active.add(i);
            }
        }
        int v = CharVocabulary.SIZE;
        while (!active.isEmpty()) {
            if (cancel.cancelled()) {
                throw new ModelCallException(net.config().kind().file() + ": cancelled while writing", null, true);
            }
            int a = active.size();
            int width = 0;
            for (int i : active) {
                width = Math.max(width, len[i]);
            }
            int[] input = new int[a * width];
            long[] rows = new long[a];
            for (int k = 0; k < a; k++) {
                int i = active.get(k);
                System.arraycopy(seq[i], 0, input, k * width, len[i]);
                rows[k] = (long) k * width + len[i] - 1;
            }
            float[] logp;
            try (NDManager m = net.manager().newSubManager()) {
                NDArray logits = net.predict(new NDList(m.create(input, new Shape(a, width)))).head();
                NDArray last = logits.reshape(a * width, v).get(new NDIndex("{}", m.create(rows)));
                logp = last.logSoftmax(1).toFloatArray();
            }
            List<Integer> still = new ArrayList<>(a);
            for (int k = 0; k < a; k++) {
                int i = active.get(k);
                Job j = jobs.get(i);
                int tok = pick(logp, k * v, v, j.temperature(), j.rng());
                logProb[i] += logp[k * v + tok];
                generated[i]++;
                if (tok == CharVocabulary.EOS) {
                    out[i] = new WrittenText(text[i].toString(), logProb[i], "stop", generated[i]);
                    continue;
                }
                text[i].append(CharVocabulary.character(tok));
                seq[i][len[i]++] = tok;
                String stop = endsWithStop(text[i], j.stop());
                if (stop != null) {
                    text[i].setLength(text[i].length() - stop.length());
                    out[i] = new WrittenText(text[i].toString(), logProb[i], "stop", generated[i]);
                } else if (generated[i] >= j.maxNew() || len[i] >= maxLen) {
                    out[i] = new WrittenText(text[i].toString(), logProb[i], "length", generated[i]);
                } else {
                    still.add(i);
                }
            }
            active = still;
        }
        return List.of(out);
    }

    private static String endsWithStop(CharSequence text, List<String> stops) {
        for (String s : stops) {
            if (!s.isEmpty() && text.length() >= s.length()
                    && text.subSequence(text.length() - s.length(), text.length()).toString().equals(s)) {
                return s;
            }
        }
        return null;
    }

    /**
     * A token from the log-probabilities {@code logp[from .. from + v)}: the most likely at
     * temperature 0, else drawn from the distribution sharpened or flattened by the temperature.
     * Padding, begin and separator are never written.
     */
    static int pick(float[] logp, int from, int v, double temperature, SplittableRandom rng) {
        int best = CharVocabulary.EOS;
        for (int t = CharVocabulary.EOS + 1; t < v; t++) {
            if (logp[from + t] > logp[from + best]) {
                best = t;
            }
        }
        if (temperature <= 0) {
            return best;
        }
        double[] w = new double[v];
        double sum = 0;
        for (int t = CharVocabulary.EOS; t < v; t++) {
            w[t] = Math.exp((logp[from + t] - logp[from + best]) / temperature);
            sum += w[t];
        }
        double r = rng.nextDouble() * sum;
        for (int t = CharVocabulary.EOS; t < v; t++) {
            r -= w[t];
            if (r < 0) {
                return t;
            }
        }
        return best;
    }
}
