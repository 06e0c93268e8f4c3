package org.rlmworkbench.runner.cli;

import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.scheme.SchemeNode;

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

    /**
     * Refuses, before anything runs, a scheme that would list the steps of a problem that cannot
     * list them (a problem whose steps only a writer model can write): names the problem and the
     * scheme's node that would ask for them.
     */
    static void requireListableSteps(Scheme scheme, Problem<?> p) {
        if (p.enumerable()) {
            return;
        }
        for (SchemeNode n : scheme.nodes()) {
            Object source = n.params().get("source");
            if (n.nodeType() == NodeType.GENERATE && !"sample".equals(source)) {
                throw new InputException("problem '" + p.id() + "' has no step enumerator (its steps are written by a "
                        + "language model), but scheme '" + scheme.name() + "' has Generate node '" + n.id()
                        + "' list the legal steps; give it a writer (Generate source=sample with --writer)");
            }
        }
        for (SchemeNode n : scheme.nodes()) {
            Object source = n.params().get("source");
            if (n.nodeType() == NodeType.EVALUATE && source != null && String.valueOf(source).contains("rollout")) {
                throw new InputException("problem '" + p.id() + "' has no step enumerator, but scheme '" + scheme.name()
                        + "' has Evaluate node '" + n.id() + "' play random rollouts through the legal steps; value "
                        + "states with a value model or a judge instead");
            }
        }
        for (SchemeNode n : scheme.nodes()) {
            if (n.nodeType() == NodeType.REFINE && !"writer".equals(n.params().get("alternatives"))) {
                throw new InputException("problem '" + p.id() + "' has no step enumerator, but scheme '" + scheme.name()
                        + "' has Refine node '" + n.id() + "' choose among the legal steps; let a writer propose rewrites");
            }
        }
    }

    /** The problem's sample, or with {@code --difficulty} the first test instance of that difficulty. */
    static String defaultInstance(Problem<?> p, String difficulty) {
        if (difficulty == null) {
            return p.sampleInstance();
        }
        return DifficultyRange.parse(difficulty).filter(p, p.dataset().test(), p.id() + " test").get(0);
    }
}
