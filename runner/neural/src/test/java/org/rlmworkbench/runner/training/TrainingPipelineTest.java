package org.rlmworkbench.runner.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.neural.ModelSet;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.Architecture;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.neural.NetConfig;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.toy.SumProblem;

/** The training pipeline on the toy Sum problem, with tiny networks. */
class TrainingPipelineTest {

    static final Problem<?> SUM = new SumProblem();

    static TrainingSettings tiny(long seed) {
        return TrainingSettings.defaults("sum").withPhases(2).withInstances(2, 1).withBudget(12).withSeed(seed)
                .withEpochs(2, 2).withSizes(32, 16, true, 16, 1);
    }

    @Test
    void eachNetworkTrainsAndItsLossFalls() {
        TraceCollector.Collected c = TraceCollector.collect(SUM, Models.problemNative(),
                List.of("6 3", "8 3", "7 3", "5 2"), 40, 1, 1, "train", TrainingListener.none(), () -> false);
        assertThat(c.values()).isNotEmpty();
        assertThat(c.policies()).isNotEmpty();
        assertThat(c.lm()).isNotEmpty();
        Featurisation f = Featurisation.forProblem(SUM, 32);
        try (NeuralNet v = NeuralNet.create(NetConfig.of(NetKind.VALUE, "sum", Architecture.value(f, 16), f), 1);
             NeuralNet p = NeuralNet.create(NetConfig.of(NetKind.POLICY, "sum", Architecture.policy(f, 16), f), 1);
             NeuralNet l = NeuralNet.create(NetConfig.of(NetKind.LM, "sum", Architecture.lm(16, 1, 2, 32), null), 1)) {
            List<Double> losses = new ArrayList<>();
            TrainingListener record = e -> {
                if (e instanceof TrainingEvent.EpochFinished ef) {
                    losses.add(ef.trainLoss());
                }
            };
            Fitter.Result rv = Fitter.fit(v, "value", 1, c.values(), List.of(), Tasks.value(SUM, f), 8, 100, 16,
                    1e-2f, 1, record, () -> false);
            Fitter.Result rp = Fitter.fit(p, "policy", 1, c.policies(), List.of(), Tasks.policy(SUM, f), 8, 100, 16,
                    1e-2f, 1, record, () -> false);
            Fitter.Result rl = Fitter.fit(l, "lm", 1, c.lm(), List.of(), Tasks.lm(32), 8, 100, 16, 1e-2f, 1, record,
                    () -> false);
            for (Fitter.Result r : List.of(rv, rp, rl)) {
                assertThat(r.lastTrainLoss()).isLessThan(r.firstTrainLoss());
            }
            assertThat(losses).hasSize(24);
        }
    }

    @Test
    void statesOneStepFromTheEndGetTheVerifiersExactOutcome() {
        TraceCollector.Collected c = TraceCollector.collect(SUM, Models.problemNative(), List.of("7 3"), 30, 1, 1,
                "train", TrainingListener.none(), () -> false);
        List<Examples.Value> preTerminal = c.values().stream().filter(v -> v.state().split(" ")[1].equals("1"))
                .toList();
        assertThat(preTerminal).isNotEmpty();
        for (Examples.Value v : preTerminal) {
            int total = Integer.parseInt(v.state().split(" ")[0]);
            boolean reachable = 7 - total >= 1 && 7 - total <= 3;
            assertThat(v.target()).as(v.state()).isEqualTo(reachable ? 1f : -1f);
        }
        assertThat(c.values().stream().map(Examples.Value::state).distinct().count()).isEqualTo(c.values().size());
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        TrainingPipeline.run(SUM, tiny(5), dir.resolve("a"), TrainingListener.none(), () -> false);
        TrainingPipeline.run(SUM, tiny(5), dir.resolve("b"), TrainingListener.none(), () -> false);
        TrainingPipeline.run(SUM, tiny(6), dir.resolve("c"), TrainingListener.none(), () -> false);
        for (String f : List.of("value.params", "policy.params", "lm.params")) {
            byte[] a = Files.readAllBytes(ModelSet.resolve(dir.resolve("a")).resolve(f));
            assertThat(Files.readAllBytes(ModelSet.resolve(dir.resolve("b")).resolve(f))).as(f).isEqualTo(a);
            assertThat(Files.readAllBytes(ModelSet.resolve(dir.resolve("c")).resolve(f))).as(f).isNotEqualTo(a);
        }
        assertThat(dir.resolve("a/phase-1/traces.jsonl")).exists();
        assertThat(dir.resolve("a/phase-2/complete.json")).exists();
    }

    @Test
    void progressIsReportedAndARunResumesFromItsCheckpoints(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingPipeline.Outcome first = TrainingPipeline.run(SUM, tiny(1).withPhases(1), dir, events::add,
                () -> false);
        assertThat(first.phases()).hasSize(1);
        assertThat(events).anyMatch(e -> e instanceof TrainingEvent.SearchProgress)
                .anyMatch(e -> e instanceof TrainingEvent.EpochFinished)
                .anyMatch(e -> e instanceof TrainingEvent.PhaseFinished);
        byte[] phase1 = Files.readAllBytes(dir.resolve("phase-1/value.params"));
        TrainingPipeline.Outcome second = TrainingPipeline.run(SUM, tiny(1), dir, TrainingListener.none(), () -> false);
        assertThat(second.phases().get(0).resumed()).isTrue();
        assertThat(second.phases().get(1).resumed()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("phase-1/value.params"))).isEqualTo(phase1);
    }

    @Test
    void cancellingStopsTheRun(@TempDir Path dir) {
        int[] calls = {0};
        assertThatThrownBy(() -> TrainingPipeline.run(SUM, tiny(1), dir, TrainingListener.none(), () -> ++calls[0] > 3))
                .isInstanceOf(TrainingCancelledException.class);
    }

    @Test
    void aCancelKeepsTheFinishedPhasesAsAUsableModelSetAndLeavesNoUnfinishedPhaseFolder(@TempDir Path dir)
            throws Exception {
        // cancelled during phase 2, after its traces were written (during the value network's fit)
        boolean[] phase2Fitting = {false};
        assertThatThrownBy(() -> TrainingPipeline.run(SUM, tiny(1), dir, e -> {
            if (e instanceof TrainingEvent.PhaseStarted p && p.phase() == 2) {
                phase2Fitting[0] = true;
            }
        }, () -> phase2Fitting[0] && Files.exists(dir.resolve("phase-2").resolve("traces.jsonl"))))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(dir.resolve("phase-1").resolve("complete.json")).isRegularFile();
        assertThat(dir.resolve("phase-2")).doesNotExist();
        // the finished phase is the directory's model set: it loads and plays
        try (TrainedModels t = TrainedModels.load(dir, SUM)) {
            assertThat(t.value()).isNotNull();
            assertThat(t.policy()).isNotNull();
        }
    }

    @Test
    void tracesExportAsJsonLinesWithPromptStepsQAndReward(@TempDir Path dir) throws Exception {
        TraceCollector.Collected c = TraceCollector.collect(SUM, Models.problemNative(), List.of("6 3"), 40, 1, 1,
                "train", TrainingListener.none(), () -> false);
        Path file = dir.resolve("t.jsonl");
        TraceExport.write(file, c.records());
        String line = Files.readAllLines(file).get(0);
        assertThat(line).contains("\"prompt\":\"0 3 6\"", "\"steps\":[", "\"q\":", "\"reward\":", "\"expansions\":");
        assertThat(TraceExport.read(file)).hasSize(1);
        SearchRecord r = TraceExport.read(file).get(0);
        assertThat(r.solved()).isTrue();
        assertThat(r.steps()).hasSize(3);
        assertThat(r.steps().get(2).reward()).isEqualTo(1.0);
    }

    /**
     * --lm-data reachable: every state reachable from the roots is read once, each of its good
     * steps (the next state can still reach the target) is an example of weight 1, bad steps are a
     * seeded share at a lower weight; the same seed gives the same list; and a training run uses
     * exactly these examples.
     */
    @Test
    @SuppressWarnings("unchecked")
    void reachableLanguageModelExamplesCoverEveryStateAndWeighGoodStepsFully(@TempDir Path dir) throws Exception {
        Problem<Object> sum = (Problem<Object>) SUM;
        List<String> roots = List.of("6 3", "8 3");
        List<Examples.Lm> ex = LmExamples.reachable(sum, roots, 3);
        // independent enumeration: totals 0..9 reachable with 3, 2, 1 steps left
        java.util.Set<String> good = new java.util.TreeSet<>();
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (String root : roots) {
            java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>(List.of(sum.parseInstance(root)));
            while (!todo.isEmpty()) {
                Object st = todo.pop();
                for (var step : sum.steps(st)) {
                    String key = sum.promptText(st) + " | " + step.text();
                    all.add(key);
                    if (sum.isTerminal(step.next()) ? sum.outcomeReward(step.next()) > 0
                            : sum.processReward(step.next()).getAsDouble() > 0) {
                        good.add(key);
                    }
                    todo.push(step.next());
                }
            }
        }
        List<String> goodSeen = ex.stream().filter(e -> e.weight() == 1f).map(e -> e.prompt() + " | " + e.step()).toList();
        assertThat(goodSeen).doesNotHaveDuplicates();
        assertThat(new java.util.TreeSet<>(goodSeen)).isEqualTo(good);
        List<String> badSeen = ex.stream().filter(e -> e.weight() < 1f).map(e -> e.prompt() + " | " + e.step()).toList();
        assertThat(badSeen).isNotEmpty().doesNotHaveDuplicates().allMatch(b -> all.contains(b) && !good.contains(b));
        assertThat(ex.stream().filter(e -> e.weight() < 1f)).allMatch(e -> e.weight() == LmExamples.REACHABLE_BAD_WEIGHT);
        // states a bad step leads to are read too (e.g. 6 1 6: one step left, 6 already reached)
        assertThat(ex.stream().filter(e -> e.weight() < 1f).map(e -> {
            try {
                return sum.processReward(sum.decodeState(e.prompt())).getAsDouble();
            } catch (org.rlmworkbench.runner.problem.InstanceParseException x) {
                throw new IllegalStateException(x);
            }
        })).contains(-1.0);
        assertThat(LmExamples.reachable(sum, roots, 3)).isEqualTo(ex);

        TrainingSettings s = tiny(5).withPhases(1).withLmData(TrainingSettings.LmData.REACHABLE);
        TrainingPipeline.Outcome o = TrainingPipeline.run(SUM, s, dir.resolve("m"), TrainingListener.none(), () -> false);
        assertThat(o.phases().get(0).lmExamples())
                .isEqualTo(LmExamples.reachable(sum, SUM.dataset().train(), s.seed()).size());
    }

    /** A directory trained before --lm-data existed resumes as 'visited'; asking for 'reachable' there is refused. */
    @Test
    void settingsWithoutLmDataReadAsVisited(@TempDir Path dir) throws Exception {
        TrainingSettings s = tiny(1);
        StoredSettings.checkOrStore(dir, s);
        Path file = dir.resolve(StoredSettings.FILE);
        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"lmData\"\\s*:\\s*\"VISITED\"", ""));
        assertThat(Files.readString(file)).doesNotContain("lmData");
        StoredSettings.checkOrStore(dir, s);
        assertThatThrownBy(() -> StoredSettings.checkOrStore(dir, s.withLmData(TrainingSettings.LmData.REACHABLE)))
                .isInstanceOf(SettingsMismatchException.class).hasMessageContaining("lmData \"VISITED\" there");
    }
}
