package org.rlmworkbench.runner.cli;

import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeLoad;

/** What the commands share: resolving --scheme and --problem into objects, with clear errors. */
final class Setup {

    private Setup() {
    }

    static Scheme scheme(String nameOrPath) {
        SchemeLoad load = BuiltinSchemes.resolve(nameOrPath);
        if (load.scheme() == null || load.hasErrors()) {
            StringBuilder b = new StringBuilder("cannot use scheme '" + nameOrPath + "':");
            for (SchemeError e : load.errors()) {
                if (e.isError()) {
                    b.append("\n  ").append(load.source()).append(": ").append(e);
                }
            }
            throw new InputException(b.toString());
        }
        return load.scheme();
    }

    static Problem<?> problem(String id) {
        return Problems.find(id).orElseThrow(() -> new InputException("unknown problem '" + id + "'; known: "
                + Problems.all().stream().map(Problem::id).toList()));
    }
}
