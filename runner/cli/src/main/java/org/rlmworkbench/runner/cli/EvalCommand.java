package org.rlmworkbench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.eval.EvalReport;
import org.rlmworkbench.runner.eval.SchemeEvaluation;
import org.rlmworkbench.runner.io.TextFiles;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Split;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench eval}: one scheme over a dataset split or an instances file. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Runs a scheme over many instances and reports the solve rate.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    SearchOptions search;

    /** Exactly one source of instances. */
    static final class Source {
        @Option(names = "--split", description = "train, validation or test")
        String split;

        @Option(names = "--instances", description = "a file with one instance per line")
        Path instances;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** The largest instances file read. */
    static final long MAX_INSTANCES_BYTES = 64L << 20;

    @Option(names = "--limit", description = "only the first N instances")
    Integer limit;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--threads", description = "instances run in parallel on this many threads (default: the"
            + " machine's cores); each run is the same as alone, so the result does not depend on it")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        TrainedModels trained = null;
        try {
            search.check();
            if (limit != null) {
                OptionChecks.range("--limit", limit, 1, Integer.MAX_VALUE);
            }
            if (threads != null) {
                OptionChecks.range("--threads", threads, 1, 1024);
            }
            Problem<?> p = Setup.problem(search.problem);
            List<String> instances = instances(p);
            if (search.difficulty != null) {
                instances = DifficultyRange.parse(search.difficulty).filter(p, instances,
                        source.split != null ? p.id() + " " + source.split : String.valueOf(source.instances));
            }
            Setup.requireListableSteps(Setup.scheme(search.scheme), p);
            if (limit != null) {
                instances = instances.subList(0, Math.min(limit, instances.size()));
            }
            if (instances.isEmpty()) {
                throw new InputException((source.instances != null ? "--instances " + source.instances
                        : "--split " + source.split) + ": holds no instances (only blank lines and # comments);"
                        + " nothing to evaluate");
            }
            trained = TrainedModels.loadOrNone(search.models, p);
            Setup.checkLmPolicy(trained, search);
            ProgressBar bar = ProgressBar.forTerminal(err, instances.size(), "eval " + search.scheme);
            var scheme = Setup.scheme(search.scheme);
            Models m = LanguageModelOptions.apply(search, scheme,
                    trained, trained.models(Models.problemNative(), search.lmPolicy));
            var cache = LanguageModelOptions.cache(search).orElse(null);
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (n > 1 && !SchemeEvaluation.parallelSafe(m, cache)) {
                if (threads != null) {
                    err.println("eval: --threads " + threads + ": trained networks, language models and the response"
                            + " cache are not checked for calls from several threads; running on one thread");
                }
                n = 1;
            }
            EvalReport r = SchemeEvaluation.evaluate(scheme, p, m, instances, search.budget, search.seed, bar::update,
                    cache, n);
            bar.done();
            if (json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("scheme", r.scheme());
                o.put("instances", r.instances());
                o.put("solved", r.solved());
                o.put("solve_rate", r.solveRate());
                o.put("median_nodes", r.medianNodes());
                o.put("mean_seconds", r.meanSeconds());
                RunCommand.putUsage(o, r.usage());
                out.println(o);
            } else {
                out.printf(Locale.ROOT, "%s on %d %s instances: solved %d (%.1f%%), median nodes %.1f, mean %.4f s%n",
                        r.scheme(), r.instances(), p.id(), r.solved(), 100 * r.solveRate(), r.medianNodes(),
                        r.meanSeconds());
                if (r.usage().calls() > 0) {
                    out.println(RunCommand.usageLine(r.usage()));
                }
            }
            return 0;
        } catch (InputException | ModelFileException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (InstanceParseException e) {
            err.println("error: " + (source.instances != null ? source.instances + ": " : "") + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } finally {
            if (trained != null) {
                trained.close();
            }
        }
    }

    private List<String> instances(Problem<?> p) throws IOException {
        if (source.split != null) {
            try {
                return p.dataset().split(Split.parse(source.split));
            } catch (IllegalArgumentException e) {
                throw new InputException("--split: " + e.getMessage());
            }
        }
        String text;
        try {
            text = TextFiles.read(source.instances, "an instances file (one instance per line)", MAX_INSTANCES_BYTES);
        } catch (TextFiles.BadTextFileException e) {
            throw new InputException("--instances " + e.getMessage());
        }
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
