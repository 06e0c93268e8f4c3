package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.ModelCallException;

/**
 * Writes many sequences with the character transformer at once: one pass reads every prompt
 * (left-padded to one width, each counting positions from its own first token, pads masked), then
 * each generated character is one incremental pass over every sequence still writing, with a
 * cache of each layer's attention inputs ({@link CharLmBlock.Cache}), so a character costs one
 * position, not the whole sequence again. Finished sequences leave the batch and the cache.
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
        int[] len = new int[n];
        StringBuilder[] text = new StringBuilder[n];
        double[] logProb = new double[n];
        int[] generated = new int[n];
        WrittenText[] out = new WrittenText[n];
        List<Integer> active = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < n; i++) {
            Job j = jobs.get(i);
            len[i] = j.prefix().length;
            text[i] = new StringBuilder();
            if (j.maxNew() <= 0 || len[i] >= maxLen) {
                out[i] = new WrittenText("", 0, "length", 0);
            } else {
                active.add(i);
                width = Math.max(width, len[i]);
            }
        }
        if (active.isEmpty()) {
            return List.of(out);
        }
        CharLmBlock block = (CharLmBlock) net.block();
        int v = CharVocabulary.SIZE;
        try (NDManager keep = net.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(keep, false);
            CharLmBlock.Cache[] cache = new CharLmBlock.Cache[1];
            float[] logp;
            checkCancel(net, cancel);
            // Prompts left-padded to one width: one pass reads them all.
            int a = active.size();
            int[] ids = new int[a * width];
            int[] offsets = new int[a];
            for (int k = 0; k < a; k++) {
                int i = active.get(k);
                offsets[k] = width - len[i];
                System.arraycopy(jobs.get(i).prefix(), 0, ids, k * width + offsets[k], len[i]);
            }
            try (NDManager step = keep.newSubManager()) {
                net.countForward();
                NDArray logits = block.prefill(ps, step.create(ids, new Shape(a, width)), offsets, cache);
                cache[0].attach(keep);
                logp = logits.logSoftmax(1).toFloatArray();
            }
            while (true) {
                List<Integer> still = new ArrayList<>(a);
                List<Integer> rows = new ArrayList<>(a);
                List<Integer> tokens = new ArrayList<>(a);
                for (int k = 0; k < active.size(); k++) {
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
                    len[i]++;
                    String stop = endsWithStop(text[i], j.stop());
                    if (stop != null) {
                        text[i].setLength(text[i].length() - stop.length());
                        out[i] = new WrittenText(text[i].toString(), logProb[i], "stop", generated[i]);
                    } else if (generated[i] >= j.maxNew() || len[i] >= maxLen) {
                        out[i] = new WrittenText(text[i].toString(), logProb[i], "length", generated[i]);
                    } else {
                        still.add(i);
                        rows.add(k);
                        tokens.add(tok);
                    }
                }
                if (still.isEmpty()) {
                    break;
                }
                checkCancel(net, cancel);
                if (still.size() < active.size()) {
                    cache[0].keep(rows.stream().mapToInt(Integer::intValue).toArray());
                }
                active = still;
                try (NDManager step = keep.newSubManager()) {
                    net.countForward();
                    int[] next = tokens.stream().mapToInt(Integer::intValue).toArray();
                    NDArray logits = block.next(ps, step.create(next, new Shape(next.length, 1)), cache[0]);
                    cache[0].attach(keep);
                    logp = logits.logSoftmax(1).toFloatArray();
                }
            }
        }
        return List.of(out);
    }

    private static void checkCancel(NeuralNet net, CancelToken cancel) throws ModelCallException {
        if (cancel.cancelled()) {
            throw new ModelCallException(net.config().kind().file() + ": cancelled while writing", null, true);
        }
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
