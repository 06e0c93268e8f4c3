package org.rlmworkbench.runner.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.HeuristicValue;
import org.rlmworkbench.runner.model.ModelUsage;
import org.rlmworkbench.runner.model.NativePolicy;
import org.rlmworkbench.runner.model.NativeReward;
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
        return evaluate(scheme, problem, models, instances, budget, seed, progress, cache, 1);
    }

    /**
     * As above, on {@code threads} threads: instances run in parallel, each exactly as it would run
     * alone (its own graph and generator, seeded by {@code seed}), and the report is summed in
     * instance order, so it is the same for any thread count (apart from the measured seconds).
     * The models must be safe to call from several threads; {@link #parallelSafe} says which are.
     *
     * @throws InstanceParseException naming the first instance the problem cannot read
     */
    public static EvalReport evaluate(Scheme scheme, Problem<?> problem, Models models, List<String> instances,
                                      Integer budget, long seed, IntConsumer progress, ResponseCache cache,
                                      int threads) throws InstanceParseException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        for (int i = 0; i < instances.size(); i++) {
            try {
                problem.parseInstance(instances.get(i));
            } catch (InstanceParseException e) {
                throw new InstanceParseException("instance " + (i + 1) + " ('" + instances.get(i) + "'): "
                        + e.getMessage());
            }
        }
        int n = instances.size();
        RunResult[] results = new RunResult[n];
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            Interpreter interpreter = new Interpreter(scheme, problem, models);
            for (int i = 0; i < n; i++) {
                results[i] = runOne(interpreter, instances.get(i), budget, seed, cache);
                if (progress != null) {
                    progress.accept(i + 1);
                }
            }
        } else {
            runInParallel(scheme, problem, models, instances, budget, seed, progress, cache, workers, results);
        }
        // summed in instance order, whichever thread ran what, so the report does not depend on threads
        int solved = 0;
        double seconds = 0;
        int[] nodes = new int[n];
        ModelUsage usage = ModelUsage.NONE;
        for (int i = 0; i < n; i++) {
            RunResult r = results[i];
            ModelUsage u = r.usage();
            usage = new ModelUsage(usage.calls() + u.calls(), usage.promptTokens() + u.promptTokens(),
                    usage.completionTokens() + u.completionTokens(), usage.cost() + u.cost(),
                    usage.invalidSteps() + u.invalidSteps());
            if (r.solved()) {
                solved++;
            }
            seconds += r.seconds();
            nodes[i] = r.nodes();
        }
        return new EvalReport(scheme.name(), n, solved, n == 0 ? 0 : (double) solved / n, median(nodes),
                n == 0 ? 0 : seconds / n, budget == null ? -1 : budget, usage);
    }

    private static RunResult runOne(Interpreter interpreter, String instance, Integer budget, long seed,
                                    ResponseCache cache) throws InstanceParseException {
        RunSettings settings = new RunSettings(seed, budget);
        RunContext ctx = interpreter.newContext(settings, List.of(), null);
        ctx.modelCalls().useCache(cache);
        return interpreter.run(ctx, instance, settings);
    }

    /**
     * Runs the instances on {@code workers} threads, each with its own interpreter (so its own
     * graphs, contexts and generators), taking the next instance from a shared counter. A run
     * depends only on scheme, problem, models, instance and seed, so which thread runs it changes
     * nothing; results land at their instance's index.
     */
    private static void runInParallel(Scheme scheme, Problem<?> problem, Models models, List<String> instances,
                                      Integer budget, long seed, IntConsumer progress, ResponseCache cache,
                                      int workers, RunResult[] results) throws InstanceParseException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "eval-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    Interpreter interpreter = new Interpreter(scheme, problem, models);
                    for (int i = next.getAndIncrement(); i < instances.size(); i = next.getAndIncrement()) {
                        results[i] = runOne(interpreter, instances.get(i), budget, seed, cache);
                        if (progress != null) {
                            synchronized (done) { // in order, one at a time: a progress bar is not thread-safe
                                progress.accept(done.incrementAndGet());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(instances.size()); // the other workers stop after their current instance
                    Throwable cause = e.getCause();
                    if (cause instanceof InstanceParseException ipe) {
                        throw ipe;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether runs with these models may go on several threads at once: only the problem-native
     * models (stateless records over a stateless problem) and no response cache. Trained networks
     * (DJL blocks and their NDManagers) and language-model clients were not written or checked for
     * concurrent calls, so they run on one thread.
     */
    public static boolean parallelSafe(Models models, ResponseCache cache) {
        return cache == null && models.writer() == null && models.judge() == null
                && models.policy() instanceof NativePolicy
                && (models.value() == null || models.value() instanceof HeuristicValue)
                && (models.reward() == null || models.reward() instanceof NativeReward);
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
