package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.trace.TraceWriter;

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

    /** Refuses --lm-policy when the model directory holds no language model. */
    static void checkLmPolicy(TrainedModels trained, SearchOptions search) {
        if (search.lmPolicy && trained.lm() == null) {
            throw new InputException("--lm-policy: " + search.models + " holds no language model (lm.json); train one"
                    + " without --no-lm, or leave out --lm-policy");
        }
    }

    /**
     * Refuses a --trace that would destroy something that is not a trace: the scheme file, a
     * directory, or an existing file whose first line is not a trace event.
     */
    static void checkTraceTarget(Path trace, String schemeArg) throws IOException {
        Path target = AtomicFiles.resolveLinks(trace);
        if (Files.isDirectory(target)) {
            throw new InputException("--trace " + trace + ": is a directory; name a file");
        }
        if (Files.exists(target)) {
            Path scheme = Path.of(schemeArg);
            if (BuiltinSchemes.json(schemeArg).isEmpty() && Files.exists(scheme) && Files.isSameFile(target, scheme)) {
                throw new InputException("--trace " + trace + ": is the --scheme file; the trace would overwrite the"
                        + " scheme");
            }
            if (!looksLikeTrace(target)) {
                throw new InputException("--trace " + trace + ": exists and is not a trace (its first line is not a"
                        + " trace event); choose another file, or delete it first");
            }
        }
        Path dir = target.getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--trace " + trace + ": " + dir + " is not a directory");
        }
    }

    private static boolean looksLikeTrace(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String s = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            return s.isEmpty() || s.startsWith("{\"type\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** A shutdown hook that commits the trace's complete lines when the JVM is stopped (SIGTERM, Ctrl+C). */
    static Thread flushOnExit(TraceWriter writer) {
        Thread t = new Thread(() -> {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // the JVM is going down: nothing left to tell
            }
        }, "trace-flush-on-exit");
        Runtime.getRuntime().addShutdownHook(t);
        return t;
    }

    static void removeHook(Thread hook) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs, harmlessly, on a closed writer
            }
        }
    }

    /** An I/O failure on {@code file} in words: the file, then what is wrong. */
    static String describe(IOException e, Path file, String kind) {
        String what;
        if (e instanceof AccessDeniedException a) {
            what = (a.getFile() == null ? "" : a.getFile() + ": ") + "permission denied";
        } else if (e instanceof NoSuchFileException n) {
            what = (n.getFile() == null ? "" : n.getFile() + ": ") + "no such file or directory";
        } else if (e instanceof FileSystemException f) {
            what = (f.getFile() == null ? "" : f.getFile() + ": ") + (f.getReason() == null ? f.getClass().getSimpleName()
                    : f.getReason());
        } else {
            what = e.getMessage();
        }
        return file == null ? what : file + ": cannot use it as the " + kind + ": " + what;
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
