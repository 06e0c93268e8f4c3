package org.rlmworkbench.app.session;

import java.util.Objects;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.scheme.Scheme;

/**
 * Everything that decides a run: the scheme, the problem and instance, the models, the seed and
 * the budget (null keeps the scheme's own).
 */
public record RunSetup(Scheme scheme, String problem, String instance, ModelChoice models, long seed,
                       Integer budget) {
    public RunSetup {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(models, "models");
    }
}
