package org.rlmworkbench.runner.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * A writer for the Sum problem that reads the state prompt ("total left target") and writes
 * "total + d = total+d" with d drawn from 1..4 by the request's seed and the sample's index (4 is
 * never legal, so about a quarter of its steps are invalid), with a log-probability. Counts calls.
 */
public final class SumWriter implements LanguageModel {
    public final AtomicInteger calls = new AtomicInteger();
    private final String name;

    public SumWriter(String name) {
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
        calls.incrementAndGet();
        List<Completion> out = new ArrayList<>();
        for (CompletionRequest r : batch) {
            int total = Integer.parseInt(r.prompt().split(" ")[0]);
            List<Completion.Sample> samples = new ArrayList<>();
            for (int j = 0; j < r.n(); j++) {
                int d = 1 + new SplittableRandom(r.seed() + 7919L * j).nextInt(4);
                samples.add(new Completion.Sample(total + " + " + d + " = " + (total + d), -0.5 * d, "stop", 5));
            }
            out.add(new Completion(samples, 3, 5 * r.n()));
        }
        return out;
    }
}
