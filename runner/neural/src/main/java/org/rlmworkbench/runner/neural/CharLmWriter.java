package org.rlmworkbench.runner.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * The trained character transformer as a {@link LanguageModel}: it reads a state's text
 * ({@link PromptStyle#STATE}) and writes one step per sample. A call writes every sample of every
 * request together, one forward pass per character for the whole batch; each sample draws from its
 * own random stream, seeded by the request's seed and the sample's index, so the same seed gives
 * the same texts whatever else is in the batch. Cancel is checked between characters.
 */
public final class CharLmWriter implements LanguageModel {
    private final NeuralNet net;
    private final String name;

    public CharLmWriter(NeuralNet net) {
        if (net.config().kind() != NetKind.LM) {
            throw new IllegalArgumentException("not a language model: " + net.config().kind());
        }
        this.net = net;
        this.name = "char-lm@" + weightsHash(net);
    }

    public NeuralNet net() {
        return net;
    }

    /** {@code char-lm@<hash of the weights>}, so response caches and traces tell trained models apart. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public PromptStyle promptStyle() {
        return PromptStyle.STATE;
    }

    @Override
    public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException {
        int maxLen = net.config().architecture().maxLength();
        List<CharLmDecoder.Job> jobs = new ArrayList<>();
        int[] promptTokens = new int[batch.size()];
        for (int r = 0; r < batch.size(); r++) {
            CompletionRequest req = batch.get(r);
            int[] prefix = CharVocabulary.encode(req.prompt(), null, maxLen)[0];
            promptTokens[r] = prefix.length;
            for (int j = 0; j < req.n(); j++) {
                jobs.add(new CharLmDecoder.Job(prefix, req.temperature(), sampleRandom(req.seed(), j), req.maxTokens(),
                        req.stop()));
            }
        }
        List<WrittenText> written = CharLmDecoder.decode(net, jobs, cancel);
        List<Completion> out = new ArrayList<>(batch.size());
        int k = 0;
        for (int r = 0; r < batch.size(); r++) {
            List<Completion.Sample> samples = new ArrayList<>();
            int tokens = 0;
            for (int j = 0; j < batch.get(r).n(); j++) {
                WrittenText w = written.get(k++);
                samples.add(new Completion.Sample(w.text(), w.logProb(), w.finishReason(), w.tokens()));
                tokens += w.tokens();
            }
            out.add(new Completion(samples, promptTokens[r], tokens));
        }
        return out;
    }

    private static String weightsHash(NeuralNet net) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(net.parameterBytes());
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The random stream of sample {@code index} of a request seeded with {@code seed}. */
    static SplittableRandom sampleRandom(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    /** Mean milliseconds of one inference pass over {@code batch} sequences of {@code length} tokens (benchmarks). */
    public static double passMillis(NeuralNet net, int batch, int length) {
        int[] input = new int[batch * length];
        java.util.Arrays.fill(input, CharVocabulary.token('4'));
        for (int w = 0; w < 5; w++) {
            pass(net, input, batch, length);
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 2_000_000_000L) {
            pass(net, input, batch, length);
            n++;
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static void pass(NeuralNet net, int[] input, int batch, int length) {
        try (ai.djl.ndarray.NDManager m = net.manager().newSubManager()) {
            net.predict(new ai.djl.ndarray.NDList(m.create(input, new ai.djl.ndarray.types.Shape(batch, length))))
                    .head().toFloatArray();
        }
    }
}
