package org.rlmworkbench.runner.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.Architecture;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.neural.NetConfig;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.ModelSet;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;

/**
 * The x1-style training pipeline, in phases (expert iteration). Phase 1 searches part of the
 * training split with MCTS, the problem-native policy and rollouts; each later phase searches
 * the next part with the models of the phase before. After each search the value network is
 * fitted to the searched values (MSE), the policy network to the visit distributions
 * (cross-entropy) and the language model to the steps of solved paths, each starting from the
 * previous phase's weights, with validation losses from a search over the validation split,
 * early stopping and the best epoch kept. Each phase's networks and exported traces go to
 * {@code out/phase-N/}; a phase with a {@code complete.json} there is loaded, not redone, so an
 * interrupted run resumes, provided it has the same settings (kept in {@code out/settings.json}; see
 * {@link StoredSettings}). The last phase's networks are published to {@code out/} as one set
 * ({@link ModelSet}).
 *
 * <pre>{@code
 * TrainingPipeline.Outcome o = TrainingPipeline.run(problem, TrainingSettings.defaults("game24"),
 *         Path.of("models"), event -> chart.add(event), cancelButton::isPressed);
 * }</pre>
 */
public final class TrainingPipeline {

    /** Per phase: search solve rate and final losses. */
    public record PhaseSummary(int phase, int searched, double searchSolveRate, int valueExamples,
                               int policyExamples, int lmExamples, double valueLoss, double policyLoss,
                               double lmLoss, double seconds, boolean resumed) {
    }

    /** What a run produced. */
    public record Outcome(Path modelDir, List<PhaseSummary> phases, double seconds) {
    }

    /**
     * The language model's minibatch: on a CPU its step costs far less than in proportion to the
     * batch, and the model learns arithmetic from the number of updates more than from their size
     * (batch 128 left greedy steps mostly wrong after 750 updates; 64 with a decaying rate on
     * reachable states did better per CPU second than 32).
     */
    static final int LM_BATCH = 64;

    private TrainingPipeline() {
    }

    /**
     * Trains in {@code settings.phases()} phases into {@code out}.
     *
     * @throws TrainingCancelledException when {@code cancel} turns true (finished phases stay)
     */
    public static Outcome run(Problem<?> problem, TrainingSettings s, Path out, TrainingListener listener,
                              BooleanSupplier cancel) throws IOException {
        return run(problem, s, out, listener, cancel, instance -> true);
    }

    /**
     * As {@link #run(Problem, TrainingSettings, Path, TrainingListener, BooleanSupplier)} on the
     * training and validation instances that {@code keep} accepts (e.g. one difficulty range).
     *
     * @throws IllegalArgumentException when {@code keep} leaves no training instance
     */
    public static Outcome run(Problem<?> problem, TrainingSettings s, Path out, TrainingListener listener,
                              BooleanSupplier cancel, java.util.function.Predicate<String> keep) throws IOException {
        long start = System.nanoTime();
        if (!problem.id().equals(s.problem())) {
            throw new IllegalArgumentException("settings are for '" + s.problem() + "', problem is " + problem.id());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a file, not a directory for the models");
        }
        Files.createDirectories(out);
        StoredSettings.checkOrStore(out, s);
        List<String> train = problem.dataset().train().stream().filter(keep).toList();
        List<String> validation = problem.dataset().validation().stream().filter(keep).toList();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training instance of " + problem.id() + " is left to train on");
        }
        validation = validation.subList(0, Math.min(s.validationInstances(), validation.size()));
        Featurisation f = Featurisation.forProblem(problem, s.featureDims());
        List<PhaseSummary> summaries = new ArrayList<>();
        TraceCollector.Collected val = null;
        List<Examples.Lm> reachableLm = null;
        List<Examples.Lm> reachableLmValidation = null;
        NeuralNet value = null;
        NeuralNet policy = null;
        NeuralNet lm = null;
        int finished = 0;
        try {
            for (int phase = 1; phase <= s.phases(); phase++) {
                long phaseStart = System.nanoTime();
                listener.onEvent(new TrainingEvent.PhaseStarted(phase, s.phases()));
                Path dir = out.resolve("phase-" + phase);
                if (Files.isRegularFile(dir.resolve("complete.json"))) {
                    closeAll(value, policy, lm);
                    try (TrainedModels t = TrainedModels.load(dir, problem)) {
                        value = copy(t.value(), s.seed());
                        policy = copy(t.policy(), s.seed());
                        lm = copy(t.lm(), s.seed());
                    }
                    summaries.add(new PhaseSummary(phase, 0, Double.NaN, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                            0, true));
                    listener.onEvent(new TrainingEvent.PhaseFinished(phase, dir.toString(), Double.NaN, true));
                    finished = phase;
                    continue;
                }
                Models searchModels = Models.problemNative();
                if (value != null) {
                    searchModels = new TrainedModels(value, policy, null).models(searchModels, false);
                }
                List<String> slice = slice(train, (phase - 1) * s.instances(), s.instances());
                TraceCollector.Collected got = TraceCollector.collect(problem, searchModels, slice, s.budget(),
                        s.seed() + phase, phase, "train", listener, cancel);
                if (val == null) {
                    val = TraceCollector.collect(problem, Models.problemNative(), validation, s.budget(), s.seed(),
                            phase, "validation", listener, cancel);
                }
                Files.createDirectories(dir);
                TraceExport.write(dir.resolve("traces.jsonl"), got.records());
                if (value == null) {
                    value = NeuralNet.create(NetConfig.of(NetKind.VALUE, problem.id(),
                            Architecture.value(f, s.hidden()), f), s.seed());
                    policy = NeuralNet.create(NetConfig.of(NetKind.POLICY, problem.id(),
                            Architecture.policy(f, s.hidden()), f), s.seed() + 1);
                    if (s.trainLm()) {
                        lm = NeuralNet.create(NetConfig.of(NetKind.LM, problem.id(),
                                Architecture.lm(s.lmWidth(), s.lmLayers(), s.lmHeads(), s.lmMaxLength()), null),
                                s.seed() + 2);
                    }
                }
                long seed = s.seed() * 31 + phase;
                Fitter.Result rv = Fitter.fit(value, "value", phase, got.values(), val.values(),
                        Tasks.value(problem, f), s.epochs(), s.patience(), s.batchSize(), s.learningRate(), seed,
                        listener, cancel);
                Fitter.Result rp = Fitter.fit(policy, "policy", phase, got.policies(), val.policies(),
                        Tasks.policy(problem, f), s.epochs(), s.patience(), s.batchSize(), s.learningRate(),
                        seed + 1, listener, cancel);
                Fitter.Result rl = null;
                List<Examples.Lm> lmTrain = got.lm();
                List<Examples.Lm> lmValidation = val.lm();
                if (lm != null && s.lmData() == TrainingSettings.LmData.REACHABLE) {
                    if (reachableLm == null) {
                        reachableLm = LmExamples.reachable(asObject(problem), train, s.seed());
                        reachableLmValidation = LmExamples.reachable(asObject(problem), validation, s.seed() + 1);
                    }
                    lmTrain = reachableLm;
                    lmValidation = reachableLmValidation;
                }
                if (lm != null) {
                    int lmBatch = Math.min(LM_BATCH, s.batchSize());
                    rl = Fitter.fit(lm, "lm", phase, lmTrain, lmValidation, Tasks.lm(s.lmMaxLength()), s.lmEpochs(),
                            s.patience(), lmBatch,
                            Fitter.warmUpCosine(s.learningRate(), s.lmEpochs(), lmTrain.size(), lmBatch),
                            seed + 2, listener, cancel);
                }
                String note = "phase " + phase + " of " + s.phases() + ", seed " + s.seed();
                value.setProvenance(hash(got.values()), note);
                policy.setProvenance(hash(got.policies()), note);
                value.save(dir);
                policy.save(dir);
                if (lm != null) {
                    lm.setProvenance(hash(lmTrain), note);
                    lm.save(dir);
                }
                double secs = (System.nanoTime() - phaseStart) / 1e9;
                PhaseSummary sum = new PhaseSummary(phase, got.searched(), got.solveRate(), got.values().size(),
                        got.policies().size(), lmTrain.size(), rv.bestLoss(), rp.bestLoss(),
                        rl == null ? Double.NaN : rl.bestLoss(), secs, false);
                summaries.add(sum);
                AtomicFiles.writeString(dir.resolve("complete.json"), completeJson(phase, got.solveRate(), rv.bestLoss(),
                        rp.bestLoss(), rl == null ? Double.NaN : rl.bestLoss(), secs));
                listener.onEvent(new TrainingEvent.PhaseFinished(phase, dir.toString(), got.solveRate(), false));
                finished = phase;
            }
        } catch (TrainingCancelledException e) {
            keepFinished(out, finished);
            throw e;
        } finally {
            closeAll(value, policy, lm);
        }
        ModelSet.publishFrom(out.resolve("phase-" + s.phases()), out);
        return new Outcome(out, summaries, (System.nanoTime() - start) / 1e9);
    }

    /**
     * After a cancel: the phase that was running leaves no folder of traces without networks, and
     * the last finished phase is published to {@code out/}, a model set that loads like a finished run's.
     */
    private static void keepFinished(Path out, int finished) throws IOException {
        Path unfinished = out.resolve("phase-" + (finished + 1));
        if (Files.isDirectory(unfinished) && !Files.exists(unfinished.resolve("complete.json"))) {
            try (var walk = Files.walk(unfinished)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        if (finished > 0) {
            ModelSet.publishFrom(out.resolve("phase-" + finished), out);
        }
    }

    /** The phase's summary as JSON; a loss that is not a number (none, or infinite) is null. */
    static String completeJson(int phase, double solveRate, double valueLoss, double policyLoss, double lmLoss,
                               double seconds) {
        com.fasterxml.jackson.databind.node.ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        o.put("phase", phase);
        putFinite(o, "search_solve_rate", solveRate);
        putFinite(o, "value_loss", valueLoss);
        putFinite(o, "policy_loss", policyLoss);
        putFinite(o, "lm_loss", lmLoss);
        putFinite(o, "seconds", Math.round(seconds * 10) / 10.0);
        return o + "\n";
    }

    private static void putFinite(com.fasterxml.jackson.databind.node.ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    @SuppressWarnings("unchecked")
    private static Problem<Object> asObject(Problem<?> p) {
        return (Problem<Object>) p;
    }

    private static NeuralNet copy(NeuralNet from, long seed) {
        if (from == null) {
            return null;
        }
        NeuralNet n = NeuralNet.create(from.config(), seed);
        n.loadParameterBytes(from.parameterBytes());
        return n;
    }

    private static void closeAll(NeuralNet... nets) {
        for (NeuralNet n : nets) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static List<String> slice(List<String> all, int from, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < Math.min(count, all.size()); i++) {
            out.add(all.get((from + i) % all.size()));
        }
        return out;
    }

    /** SHA-256 (first 16 hex digits) of the examples' text, recorded as the training data hash. */
    static String hash(List<?> examples) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Object e : examples) {
                String text = e instanceof Examples.Policy p
                        ? p.state() + p.steps() + java.util.Arrays.toString(p.target()) : e.toString();
                d.update(text.getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
