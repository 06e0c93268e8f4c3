package org.rlmworkbench.runner.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.eval.EvalReport;
import org.rlmworkbench.runner.eval.SchemeEvaluation;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.CharLmPolicy;
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
 * <p>{@code java ... org.rlmworkbench.runner.training.NeuralReport game24 MODEL_DIR [split] [budget] [limit]}
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
        Scheme mcts = BuiltinSchemes.load("mcts");
        try (TrainedModels t = TrainedModels.load(dir, problem)) {
            eval("native policy + rollouts", mcts, problem, Models.problemNative(), instances, budget);
            eval("trained policy + value", mcts, problem, t.models(Models.problemNative(), false), instances, budget);
            eval("native policy + trained value", mcts, problem,
                    Models.problemNative().withValue(new NeuralValueModel(t.value())), instances, budget);
            eval("trained policy + rollouts", mcts, problem,
                    t.models(Models.problemNative(), false).withValue(null), instances, budget);
            if (t.lm() != null) {
                eval("LM priors + trained value", mcts, problem, t.models(Models.problemNative(), true), instances,
                        budget);
                generate(problem, new CharLmPolicy(t.lm()), instances, 0, 1);
                generate(problem, new CharLmPolicy(t.lm()), instances, 1.0, 1);
                generate(problem, new CharLmPolicy(t.lm()), instances, 1.0, 3);
            }
            bench(problem, new NeuralValueModel(t.value()), instances);
        }
    }

    private static void eval(String label, Scheme s, Problem<?> p, Models m, List<String> instances, int budget)
            throws Exception {
        EvalReport r = SchemeEvaluation.evaluate(s, p, m, instances, budget, 0, null);
        System.out.printf(Locale.ROOT, "mcts %-32s budget %d: solved %d/%d (%.1f%%), median nodes %.1f, mean %.4f s%n",
                label, budget, r.solved(), r.instances(), 100 * r.solveRate(), r.medianNodes(), r.meanSeconds());
    }

    /** The language model alone: from each instance, write steps until a terminal or a malformed step. */
    @SuppressWarnings("unchecked")
    private static void generate(Problem<?> anyProblem, CharLmPolicy lm, List<String> instances, double temperature,
                                 int attempts) throws Exception {
        Problem<Object> p = (Problem<Object>) anyProblem;
        SplittableRandom rng = new SplittableRandom(0);
        int steps = 0;
        int wellFormed = 0;
        int solved = 0;
        long start = System.nanoTime();
        for (String inst : instances) {
            for (int a = 0; a < attempts; a++) {
                Object s = p.parseInstance(inst);
                boolean ok = true;
                while (!p.isTerminal(s)) {
                    CharLmPolicy.Sampled step = lm.sample(p, s, temperature, rng);
                    steps++;
                    if (!step.wellFormed()) {
                        ok = false;
                        break;
                    }
                    wellFormed++;
                    s = step.step().next();
                }
                if (ok && p.outcomeReward(s) > 0) {
                    solved++;
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "LM alone, temperature %.1f, %d attempt(s): well-formed steps %d/%d (%.1f%%),"
                        + " solved %d/%d (%.1f%%), %.1f s%n", temperature, attempts, wellFormed, steps,
                100.0 * wellFormed / Math.max(1, steps), solved, instances.size(),
                100.0 * solved / instances.size(), (System.nanoTime() - start) / 1e9);
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
