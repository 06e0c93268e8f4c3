package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.CharLmPolicy;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.training.TraceExport;

/** Training on the real Game of 24 with tiny settings, then using the networks from the CLI and the API. */
class NeuralGame24Test {


    @Test
    @SuppressWarnings("unchecked")
    void trainThenSearchAndGenerateWithTheTrainedNetworks(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        Cli.Result t = Cli.run("train", "--problem", "game24", "--phases", "1", "--instances", "4", "--validation", "2",
                "--budget", "40", "--epochs", "1", "--lm-epochs", "1", "--quiet", "--out", models.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("phase 1:", "models in");
        assertThat(org.rlmworkbench.runner.neural.ModelSet.resolve(models).resolve("value.params")).exists();
        assertThat(org.rlmworkbench.runner.neural.ModelSet.resolve(models).resolve("lm.json")).exists();
        assertThat(TraceExport.read(models.resolve("phase-1/traces.jsonl"))).hasSize(4);

        Cli.Result e = Cli.run("eval", "--problem", "game24", "--split", "test", "--limit", "3", "--budget", "50",
                "--models", models.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("on 3 game24 instances");
        Cli.Result lm = Cli.run("run", "--problem", "game24", "--instance", "4 6 8 2", "--budget", "10", "--models",
                models.toString(), "--lm-policy");
        assertThat(lm.code()).as(lm.err()).isZero();

        Problem<Object> game24 = (Problem<Object>) Problems.byId("game24");
        try (TrainedModels trained = TrainedModels.load(models, game24)) {
            Models m = trained.models(Models.problemNative(), false);
            assertThat(m.value().name()).isEqualTo("neural-value");
            assertThat(m.policy().name()).isEqualTo("neural-policy");
            RunResult r = new Interpreter(BuiltinSchemes.load("mcts"), game24, m)
                    .run("4 6 8 2", RunSettings.seed(1).withBudget(50), List.of(), null);
            assertThat(r.nodes()).isPositive();
            CharLmPolicy.Sampled s = new CharLmPolicy(trained.lm()).sample(game24, game24.parseInstance("4 6 8 2"), 1.0,
                    new SplittableRandom(3));
            assertThat(s.logProb()).isNegative();
            // well formed exactly when Game of 24 accepts the text
            assertThat(s.wellFormed()).as("'%s'", s.text())
                    .isEqualTo(game24.parseStep(game24.parseInstance("4 6 8 2"), s.text())
                            instanceof org.rlmworkbench.runner.problem.StepParse.Accepted);
        }
    }

    @Test
    void aMissingModelDirectoryIsAnInputError(@TempDir Path dir) {
        Cli.Result r = Cli.run("run", "--problem", "game24", "--models", dir.resolve("none").toString());
        assertThat(r.code()).isEqualTo(WorkbenchCli.INPUT_ERROR);
        assertThat(r.err()).contains("none: no such model directory");
    }

    @Test
    void aModelDirectoryForAnotherProblemIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("value.json"), """
                {"format":"rlm-workbench-model","version":1,"kind":"VALUE","problem":"sum",
                 "architecture":{"stateInputs":64,"stepInputs":0,"hidden":16,"layers":2,"heads":0,"maxLength":0,
                 "vocabulary":0},
                 "featurisation":{"type":"hashed-char-ngrams","dims":64,"minN":1,"maxN":3,"words":true,
                 "problemExtra":0},"trainingDataHash":"","note":""}
                """);
        Cli.Result r = Cli.run("eval", "--problem", "game24", "--split", "test", "--limit", "1", "--models", dir.toString());
        assertThat(r.code()).isEqualTo(WorkbenchCli.INPUT_ERROR);
        assertThat(r.err()).contains("value.json: was trained for problem 'sum', not 'game24'");
    }
}
