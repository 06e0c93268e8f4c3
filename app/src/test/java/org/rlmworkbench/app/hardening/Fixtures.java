package org.rlmworkbench.app.hardening;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.app.workspace.Workspace;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.Architecture;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.neural.NetConfig;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.trace.TraceWriter;

/** Real files to break: a workspace and a trace of a real run, and a small model set for Game of 24. */
record Fixtures(String workspace, String trace, Path models) {

    static Fixtures make(Path dir) throws Exception {
        Files.createDirectories(dir);
        Problem<?> game24 = Problems.byId("game24");
        Scheme mcts = BuiltinSchemes.load("mcts");
        List<RunEvent> events = new ArrayList<>();
        StringWriter trace = new StringWriter();
        try (TraceWriter w = new TraceWriter(trace)) {
            new Interpreter(mcts, game24, Models.problemNative()).run("4 6 8 2", new RunSettings(7, 12),
                    List.<RunListener>of(events::add, w), null);
        }
        Path ws = dir.resolve("w.rlmw.json");
        WorkspaceIO.write(new Workspace(new RunSetup(mcts, "game24", "4 6 8 2", ModelChoice.NATIVE, 7, 12), events), ws);
        Path models = Files.createDirectories(dir.resolve("models"));
        saveModels(models, game24, 1);
        return new Fixtures(Files.readString(ws), trace.toString(), models);
    }

    /** Small value, policy and language-model networks for {@code problem}, their weights drawn from {@code seed}. */
    static void saveModels(Path dir, Problem<?> problem, long seed) throws Exception {
        Featurisation f = Featurisation.forProblem(problem, 32);
        try (NeuralNet v = NeuralNet.create(NetConfig.of(NetKind.VALUE, problem.id(), Architecture.value(f, 8), f), seed);
             NeuralNet p = NeuralNet.create(NetConfig.of(NetKind.POLICY, problem.id(), Architecture.policy(f, 8), f),
                     seed + 1);
             NeuralNet l = NeuralNet.create(NetConfig.of(NetKind.LM, problem.id(), Architecture.lm(16, 1, 2, 64), null),
                     seed + 2)) {
            v.save(dir);
            p.save(dir);
            l.save(dir);
        }
    }
}
