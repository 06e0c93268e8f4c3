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
 * The trained character LM as a writer: reads a state's prompt text, writes one step per sample.
 * A plain first version, one sample at a time (sample {@code j} draws from a generator seeded with
 * the request's seed and {@code j}); the cancel token is checked between samples.
 */
public final class CharLmLanguageModel implements LanguageModel {

    private final CharLmPolicy lm;
    private final String name;

    public CharLmLanguageModel(NeuralNet net, String name) {
        this.lm = new CharLmPolicy(net);
        this.name = name;
    }

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
        List<Completion> out = new ArrayList<>(batch.size());
        for (CompletionRequest r : batch) {
            List<Completion.Sample> samples = new ArrayList<>(r.n());
            int tokensOut = 0;
            for (int j = 0; j < r.n(); j++) {
                if (cancel.cancelled()) {
                    throw new ModelCallException("model '" + name + "': call cancelled", null, true);
                }
                String[] s = lm.sampleText(r.prompt(), r.temperature(), new SplittableRandom(r.seed() * 31 + j));
                samples.add(new Completion.Sample(s[0], Double.parseDouble(s[1]), "stop", s[0].length() + 1));
                tokensOut += s[0].length() + 1;
            }
            out.add(new Completion(samples, r.prompt().length(), tokensOut));
        }
        return out;
    }
}
