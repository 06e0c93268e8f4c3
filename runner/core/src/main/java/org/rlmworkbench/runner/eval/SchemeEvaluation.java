package org.rlmworkbench.runner.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.ModelUsage;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.ResponseCache;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.scheme.Scheme;

/** Runs a scheme over many instances with one seed and budget, and summarises. */
public final class SchemeEvaluation {

    private SchemeEvaluation() {
    }

    /**
     * @param progress told the number of instances done after each one (may be null)
     * @throws InstanceParseException naming the first instance the problem cannot read
     */
    public static EvalReport evaluate(Scheme scheme, Problem<?> problem, Models models, List<String> instances,
                                      Integer budget, long seed, IntConsumer progress) throws InstanceParseException {
        return evaluate(scheme, problem, models, instances, budget, seed, progress, null);
    }

    /**
     * As above, with model calls answered from {@code cache} where it holds them (null for none).
     *
     * @throws InstanceParseException naming the first instance the problem cannot read
     */
    public static EvalReport evaluate(Scheme scheme, Problem<?> problem, Models models, List<String> instances,
                                      Integer budget, long seed, IntConsumer progress, ResponseCache cache)
            throws InstanceParseException {
        for (int i = 0; i < instances.size(); i++) {
            try {
                problem.parseInstance(instances.get(i));
            } catch (InstanceParseException e) {
                throw new InstanceParseException("instance " + (i + 1) + " ('" + instances.get(i) + "'): "
                        + e.getMessage());
            }
        }
        Interpreter interpreter = new Interpreter(scheme, problem, models);
        int solved = 0;
        double seconds = 0;
        int[] nodes = new int[instances.size()];
        ModelUsage usage = ModelUsage.NONE;
        for (int i = 0; i < instances.size(); i++) {
            RunSettings settings = new RunSettings(seed, budget);
            RunContext ctx = interpreter.newContext(settings, List.of(), null);
            ctx.modelCalls().useCache(cache);
            RunResult r = interpreter.run(ctx, instances.get(i), settings);
            ModelUsage u = r.usage();
            usage = new ModelUsage(usage.calls() + u.calls(), usage.promptTokens() + u.promptTokens(),
                    usage.completionTokens() + u.completionTokens(), usage.cost() + u.cost(),
                    usage.invalidSteps() + u.invalidSteps());
            if (r.solved()) {
                solved++;
            }
            seconds += r.seconds();
            nodes[i] = r.nodes();
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        int n = instances.size();
        return new EvalReport(scheme.name(), n, solved, n == 0 ? 0 : (double) solved / n, median(nodes),
                n == 0 ? 0 : seconds / n, budget == null ? -1 : budget, usage);
    }

    static double median(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        int[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }
}
