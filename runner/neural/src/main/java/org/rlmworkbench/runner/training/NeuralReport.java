package org.rlmworkbench.runner.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.eval.EvalReport;
import org.rlmworkbench.runner.eval.SchemeEvaluation;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.neural.CharLmWriter;
import org.rlmworkbench.runner.problem.StepParse;
import java.util.Map;
import java.util.TreeMap;
import org.rlmworkbench.runner.neural.NeuralValueModel;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;

/**
 * Measures trained networks against the problem-native baseline and prints the figures: MCTS
 * solve rate and median nodes with native policy and rollouts, with the trained policy and value,
 * with the language model's priors and the value; the language model alone (no search): share of
 * well-formed steps and solve rate; and value inference throughput at batch 1, 32 and 256.
 *
 * <p>{@code java ... org.rlmworkbench.runner.training.NeuralReport game24 MODEL_DIR [split] [budget] [limit] [parts]},
 * parts a comma list of {@code search} (MCTS with the networks), {@code lm} (the language model
 * alone), {@code speed} (throughput); all by default.
 */
public final class NeuralReport {

    private NeuralReport() {
    }

    public static void main(String[] args) throws Exception {
        Problem<?> problem = Problems.byId(args[0]);
        Path dir = Path.of(args[1]);
        Split split = args.length > 2 ? Split.parse(args[2]) : Split.TEST;
        int budget = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        List<String> instances = problem.dataset().split(split);
        if (args.length > 4) {
            instances = instances.subList(0, Math.min(Integer.parseInt(args[4]), instances.size()));
        }
        java.util.Set<String> parts = java.util.Set.of((args.length > 5 ? args[5] : "search,lm,speed").split(","));
        Scheme mcts = BuiltinSchemes.load("mcts");
        try (TrainedModels t = TrainedModels.load(dir, problem)) {
            if (parts.contains("search")) {
                eval("native policy + rollouts", mcts, problem, Models.problemNative(), instances, budget);
                eval("trained policy + value", mcts, problem, t.models(Models.problemNative(), false), instances,
                        budget);
                eval("native policy + trained value", mcts, problem,
                        Models.problemNative().withValue(new NeuralValueModel(t.value())), instances, budget);
                eval("trained policy + rollouts", mcts, problem,
                        t.models(Models.problemNative(), false).withValue(null), instances, budget);
                if (t.lm() != null) {
                    eval("LM priors + trained value", mcts, problem, t.models(Models.problemNative(), true), instances,
                            budget);
                }
            }
            if (t.lm() != null && parts.contains("lm")) {
                CharLmWriter writer = new CharLmWriter(t.lm());
                generate(problem, writer, instances, 0, 1);
                generate(problem, writer, instances, 0.5, 1);
                generate(problem, writer, instances, 1.0, 1);
                generate(problem, writer, instances, 1.0, 3);
            }
            if (t.lm() != null && t.value() != null && parts.contains("mcts-lm")) {
                // the LM writes every step (Generate source=sample), the value network evaluates
                Models m = Models.problemNative().withValue(new NeuralValueModel(t.value()))
                        .withWriter(new CharLmWriter(t.lm()));
                evalWithCounts("mcts-lm: LM writes, trained value", BuiltinSchemes.load("mcts-lm"), problem, m,
                        instances, budget);
            }
            if (t.lm() != null && parts.contains("speed")) {
                decodeSpeed(problem, new CharLmWriter(t.lm()), instances);
            }
            if (parts.contains("speed")) {
                bench(problem, new NeuralValueModel(t.value()), instances);
            }
        }
    }

    private static void evalWithCounts(String label, Scheme s, Problem<?> p, Models m, List<String> instances,
                                       int budget) throws Exception {
        long start = System.nanoTime();
        EvalReport r = SchemeEvaluation.evaluate(s, p, m, instances, budget, 0, null);
        System.out.printf(Locale.ROOT, "%s, budget %d: solved %d/%d (%.1f%%), median nodes %.1f, %.1f s%n", label, budget,
                r.solved(), r.instances(), 100 * r.solveRate(), r.medianNodes(), (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "  model calls %d, prompt tokens %d, completion tokens %d, invalid proposals %d%n",
                r.usage().calls(), r.usage().promptTokens(), r.usage().completionTokens(), r.usage().invalidSteps());
    }

    private static void eval(String label, Scheme s, Problem<?> p, Models m, List<String> instances, int budget)
            throws Exception {
        EvalReport r = SchemeEvaluation.evaluate(s, p, m, instances, budget, 0, null);
        System.out.printf(Locale.ROOT, "mcts %-32s budget %d: solved %d/%d (%.1f%%), median nodes %.1f, mean %.4f s%n",
                label, budget, r.solved(), r.instances(), 100 * r.solveRate(), r.medianNodes(), r.meanSeconds());
    }

    /**
     * The language model alone, no search: from every instance, {@code attempts} chains of written
     * steps (all chains written together, one batched call per depth), each chain ending at a
     * terminal state or at the first step the problem rejects. Prints the share of written steps
     * the problem accepts and how many instances some chain solved.
     */
    @SuppressWarnings("unchecked")
    static double generate(Problem<?> anyProblem, CharLmWriter lm, List<String> instances, double temperature,
                           int attempts) throws Exception {
        Problem<Object> p = (Problem<Object>) anyProblem;
        long start = System.nanoTime();
        List<Object> states = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            for (int a = 0; a < attempts; a++) {
                states.add(p.parseInstance(instances.get(i)));
                owner.add(i);
            }
        }
        boolean[] solved = new boolean[instances.size()];
        int steps = 0;
        int accepted = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (int depth = 0; !states.isEmpty(); depth++) {
            List<CompletionRequest> batch = new ArrayList<>(states.size());
            for (int k = 0; k < states.size(); k++) {
                batch.add(new CompletionRequest(p.promptText(states.get(k)), 1, temperature, 64, List.of("\n"),
                        depth * 1_000_003L + k));
            }
            List<Completion> out = lm.complete(batch, CancelToken.none());
            List<Object> next = new ArrayList<>();
            List<Integer> nextOwner = new ArrayList<>();
            for (int k = 0; k < states.size(); k++) {
                StepParse<Object> parse = p.parseStep(states.get(k), out.get(k).samples().get(0).text());
                steps++;
                if (parse instanceof StepParse.Accepted<Object> a) {
                    accepted++;
                    Object s = a.step().next();
                    if (p.isTerminal(s)) {
                        solved[owner.get(k)] |= p.outcomeReward(s) > 0;
                    } else {
                        next.add(s);
                        nextOwner.add(owner.get(k));
                    }
                } else if (parse instanceof StepParse.Rejected<Object> r) {
                    reasons.merge(r.reason().replaceAll("-?\\d+(/\\d+)?", "N"), 1, Integer::sum);
                }
            }
            states = next;
            owner = nextOwner;
        }
        int solvedCount = 0;
        for (boolean b : solved) {
            solvedCount += b ? 1 : 0;
        }
        double share = (double) accepted / Math.max(1, steps);
        System.out.printf(Locale.ROOT, "LM alone, temperature %.1f, %d chain(s) per instance: accepted steps %d/%d"
                        + " (%.1f%%), solved %d/%d (%.1f%%), %.1f s%n", temperature, attempts, accepted, steps,
                100.0 * share, solvedCount, instances.size(), 100.0 * solvedCount / instances.size(),
                (System.nanoTime() - start) / 1e9);
        reasons.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(5).forEach(e ->
                System.out.printf(Locale.ROOT, "  rejected %5d x %s%n", e.getValue(), e.getKey()));
        return share;
    }

    /**
     * Decoding throughput of the batched writer (characters per second at 1, 32 and 256 prompts
     * per call, 8 samples each at temperature 1) and the cost of one forward pass at sequence length
     * 1 and 40 for 256 sequences: what a key/value cache could save at most.
     */
    @SuppressWarnings("unchecked")
    private static void decodeSpeed(Problem<?> anyProblem, CharLmWriter lm, List<String> instances) throws Exception {
        Problem<Object> p = (Problem<Object>) anyProblem;
        for (int prompts : new int[] {1, 32, 256}) {
            List<CompletionRequest> batch = new ArrayList<>();
            for (int i = 0; i < prompts; i++) {
                batch.add(new CompletionRequest(p.promptText(p.parseInstance(instances.get(i % instances.size()))), 8,
                        1.0, 64, List.of("\n"), i));
            }
            lm.complete(batch, CancelToken.none());
            long start = System.nanoTime();
            long chars = 0;
            int calls = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                for (Completion c : lm.complete(batch, CancelToken.none())) {
                    chars += c.completionTokens();
                }
                calls++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "writer, %3d prompts x 8 samples: %.0f tokens/s, %.3f s per call%n", prompts,
                    chars / secs, secs / calls);
        }
        for (int len : new int[] {1, 40}) {
            System.out.printf(Locale.ROOT, "one forward pass, 256 sequences of length %2d: %.2f ms%n", len,
                    CharLmWriter.passMillis(lm.net(), 256, len));
        }
    }

    @SuppressWarnings("unchecked")
    private static void bench(Problem<?> anyProblem, NeuralValueModel v, List<String> instances) throws Exception {
        Problem<Object> p = (Problem<Object>) anyProblem;
        List<Object> states = new ArrayList<>();
        for (int i = 0; states.size() < 256; i++) {
            states.add(p.parseInstance(instances.get(i % instances.size())));
        }
        for (int batch : new int[] {1, 32, 256}) {
            List<Object> b = states.subList(0, batch);
            for (int w = 0; w < 50; w++) {
                v.values(p, b);
            }
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 2_000_000_000L) {
                v.values(p, b);
                n += batch;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "value inference batch %3d: %.0f states/s (featurisation included)%n", batch,
                    n / secs);
        }
    }
}
