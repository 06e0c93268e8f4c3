package org.rlmworkbench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.ModelUsage;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.narrate.Narrator;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.trace.TraceBusyException;
import org.rlmworkbench.runner.trace.TraceTooLargeException;
import org.rlmworkbench.runner.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench run}: one scheme on one instance. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs a scheme on one problem instance.")
final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    SearchOptions search;

    @Option(names = "--instance", description = "the instance, e.g. \"4 6 8 2\" (default: the problem's sample)")
    String instance;

    @Option(names = "--trace", description = "write the events to this JSON Lines file")
    Path trace;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--narrate", description = "tell every event in a plain sentence as it happens")
    boolean narrate;

    @Option(names = "--trace-limit-mb", defaultValue = "2048",
            description = "stop the run when the trace reaches this size, in MiB (default: ${DEFAULT-VALUE})")
    int traceLimitMb;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        TrainedModels trained = null;
        TraceWriter writer = null;
        Thread flushOnExit = null;
        String inst = instance;
        try {
            search.check();
            OptionChecks.range("--trace-limit-mb", traceLimitMb, 1, 1 << 20);
            Problem<?> p = Setup.problem(search.problem);
            inst = instance != null ? instance : Setup.defaultInstance(p, search.difficulty);
            p.parseInstance(inst); // a bad instance is refused before any file is touched
            Scheme scheme = Setup.scheme(search.scheme);
            Setup.requireListableSteps(scheme, p);
            trained = TrainedModels.loadOrNone(search.models, p);
            Setup.checkLmPolicy(trained, search);
            Models m = LanguageModelOptions.apply(search, scheme,
                    trained, trained.models(Models.problemNative(), search.lmPolicy));
            Interpreter interpreter = new Interpreter(scheme, p, m);
            List<RunListener> listeners = new ArrayList<>();
            if (trace != null) {
                Setup.checkTraceTarget(trace, search.scheme);
                writer = TraceWriter.toFile(trace, (long) traceLimitMb << 20);
                listeners.add(writer);
                flushOnExit = Setup.flushOnExit(writer);
            }
            if (narrate) {
                Narrator narrator = new Narrator();
                listeners.add(e -> out.println(narrator.narrate(e)));
            }
            RunSettings settings = new RunSettings(search.seed, search.budget);
            RunContext ctx = interpreter.newContext(settings, listeners, null);
            RunResult r;
            try {
                ctx.modelCalls().useCache(LanguageModelOptions.cache(search).orElse(null));
                r = interpreter.run(ctx, inst, settings);
            } catch (TraceTooLargeException e) {
                writer.close();
                err.println("error: " + e.getMessage() + " (raise --trace-limit-mb to keep more)");
                return WorkbenchCli.RUN_FAILURE;
            }
            if (writer != null) {
                writer.close();
            }
            if (json) {
                out.println(toJson(r));
            } else {
                out.printf(Locale.ROOT, "%s on %s '%s' (seed %d): %s%n", interpreter.scheme().name(), p.id(),
                        OptionChecks.shorten(inst), search.seed, r.solved() ? "solved" : "not solved");
                out.printf(Locale.ROOT, "answer: %s%n", r.answer() == null ? "(none)" : r.answer());
                for (String s : r.bestPath()) {
                    out.println("  " + s);
                }
                out.printf(Locale.ROOT, "%d iterations, %d nodes, %d events, %.3f s%n", r.iterations(), r.nodes(),
                        r.events(), r.seconds());
                if (r.usage().calls() > 0) {
                    out.println(usageLine(r.usage()));
                }
                if (trace != null) {
                    out.println("trace: " + trace);
                }
            }
            for (String w : ctx.warnings()) {
                err.println("warning: " + w);
            }
            if (Interpreter.OUT_OF_MEMORY.equals(r.reason())) {
                err.println("error: out of memory; give Java more heap (WORKBENCH_JAVA_OPTS=-Xmx4g) or lower --budget");
                return WorkbenchCli.OUT_OF_MEMORY;
            }
            return 0;
        } catch (InputException | ModelFileException | TraceBusyException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (InstanceParseException e) {
            String shown = OptionChecks.shorten(inst);
            err.println("error: instance '" + shown + "' for " + search.problem + ": "
                    + (inst == null ? e.getMessage() : e.getMessage().replace(inst, shown)));
            return WorkbenchCli.INPUT_ERROR;
        } catch (org.rlmworkbench.runner.scheme.InvalidSchemeException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (IOException e) {
            err.println("error: " + Setup.describe(e, trace, "trace file"));
            return WorkbenchCli.INPUT_ERROR;
        } finally {
            if (writer != null) {
                writer.discard(); // nothing when closed; otherwise the old trace stays as it was
            }
            Setup.removeHook(flushOnExit);
            if (trained != null) {
                trained.close();
            }
        }
    }

    static String toJson(RunResult r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("solved", r.solved());
        if (r.answer() == null) {
            o.putNull("answer");
        } else {
            o.put("answer", r.answer());
        }
        o.put("iterations", r.iterations());
        o.put("nodes", r.nodes());
        o.put("events", r.events());
        o.put("seconds", r.seconds());
        var path = o.putArray("best_path");
        r.bestPath().forEach(path::add);
        o.put("reason", r.reason());
        putUsage(o, r.usage());
        return o.toString();
    }

    /** The language-model figures of {@code --json}: calls, tokens, cost and invalid steps. */
    static void putUsage(ObjectNode o, ModelUsage u) {
        o.put("model_calls", u.calls());
        o.put("prompt_tokens", u.promptTokens());
        o.put("completion_tokens", u.completionTokens());
        o.put("cost", u.cost());
        o.put("invalid_steps", u.invalidSteps());
    }

    static String usageLine(ModelUsage u) {
        return String.format(Locale.ROOT, "%d model calls, %d prompt + %d completion tokens, cost %.4f, %d invalid steps",
                u.calls(), u.promptTokens(), u.completionTokens(), u.cost(), u.invalidSteps());
    }
}
