package org.rlmworkbench.runner.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.neural.CharLmPolicy;
import org.rlmworkbench.runner.neural.NeuralNet;

/**
 * The trained character LM as a {@link LanguageModel}. Provisional: one sample at a time through
 * {@link CharLmPolicy#sampleText}, until the batched writer of issue 10 takes its place here.
 */
final class LmWriters {

    private LmWriters() {
    }

    static LanguageModel of(NeuralNet net) {
        CharLmPolicy lm = new CharLmPolicy(net);
        return new LanguageModel() {
            @Override
            public String name() {
                return "neural-lm";
            }

            @Override
            public PromptStyle promptStyle() {
                return PromptStyle.STATE;
            }

            @Override
            public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel)
                    throws ModelCallException {
                List<Completion> out = new ArrayList<>();
                for (CompletionRequest r : batch) {
                    List<Completion.Sample> samples = new ArrayList<>();
                    int tokens = 0;
                    for (int i = 0; i < r.n(); i++) {
                        if (cancel.cancelled()) {
                            throw new ModelCallException("neural-lm: cancelled", null, true);
                        }
                        String[] s = lm.sampleText(r.prompt(), r.temperature(), new SplittableRandom(r.seed() + i));
                        String text = s[0].length() > r.maxTokens() ? s[0].substring(0, r.maxTokens()) : s[0];
                        String finish = text.length() < s[0].length() ? "length" : "stop";
                        samples.add(new Completion.Sample(text, Double.parseDouble(s[1]), finish, text.length() + 1));
                        tokens += text.length() + 1;
                    }
                    out.add(new Completion(samples, r.prompt().length(), tokens));
                }
                return out;
            }
        };
    }
}
