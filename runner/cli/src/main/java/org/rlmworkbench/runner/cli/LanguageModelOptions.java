package org.rlmworkbench.runner.cli;

import java.util.List;
import java.util.Optional;
import org.rlmworkbench.runner.model.LanguageModelResolver;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.ResponseCache;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.scheme.ModelNeed;
import org.rlmworkbench.runner.scheme.Scheme;

/** Resolves {@code --writer}, {@code --judge} and the response cache options of {@code run} and {@code eval}. */
final class LanguageModelOptions {

    private LanguageModelOptions() {
    }

    /**
     * {@code base} with the writer and judge the options name.
     *
     * @throws InputException naming the flag and what is wrong, or the scheme node that needs a model none gives
     */
    static Models apply(SearchOptions o, Scheme scheme, TrainedModels trained, Models base) {
        LanguageModelResolver resolver = new LanguageModelResolver(trained::languageModel)
                .with(new org.rlmworkbench.runner.endpoint.EndpointKind(o.endpoints, System::getenv));
        Models m = base;
        try {
            m = m.withWriter(resolver.resolve("writer", o.writer)).withJudge(resolver.resolve("judge", o.judge));
        } catch (IllegalArgumentException e) {
            throw new InputException((e.getMessage().startsWith("writer") ? "--writer: " : "--judge: ") + e.getMessage());
        }
        List<ModelNeed> needs = ModelNeed.of(scheme);
        for (ModelNeed n : needs) {
            boolean missing = n.role().equals("writer") ? m.writer() == null : m.judge() == null;
            if (missing) {
                throw new InputException("scheme '" + scheme.name() + "', " + n + "; give --" + n.role()
                        + " lm (with --models DIR), --" + n.role() + " scripted:FILE or --" + n.role() + " NAME (--endpoints FILE)");
            }
        }
        return m;
    }

    /** The response cache the options choose, if any. */
    static Optional<ResponseCache> cache(SearchOptions o) {
        if (o.noCache) {
            return Optional.empty();
        }
        if (o.cacheDir != null) {
            return Optional.of(new ResponseCache(o.cacheDir));
        }
        return ResponseCache.fromSettings();
    }
}
