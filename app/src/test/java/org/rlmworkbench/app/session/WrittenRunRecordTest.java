package org.rlmworkbench.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.app.charts.ChartsModel;
import org.rlmworkbench.app.workspace.Workspace;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.model.ScriptedLanguageModel;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.trace.TraceJson;

/**
 * What the window keeps of a run whose steps a model writes: the workspace stores the writer and
 * judge and the model calls, the charts count invalid proposals per iteration, the status line
 * sums calls, tokens and invalid steps.
 */
class WrittenRunRecordTest {

    static Scheme scheme() {
        Scheme s = BuiltinSchemes.load("mcts");
        return s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 4));
    }

    @SuppressWarnings("unchecked")
    static List<RunEvent> run(int budget) throws Exception {
        Problem<Object> p = (Problem<Object>) Problems.byId("game24");
        List<Step<Object>> first = p.steps(p.parseInstance("4 9 10 13"));
        ScriptedLanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.STATE, Map.of(),
                List.of(first.get(0).text(), "13 - 4 = 8 (left: 8 9 10)", "13 - 4 = 8 (left: 8 9 10)", "no idea"));
        Interpreter in = new Interpreter(scheme(), p, Models.problemNative().withWriter(w));
        List<RunEvent> events = new ArrayList<>();
        RunSettings settings = new RunSettings(1, budget);
        RunContext ctx = in.newContext(settings, List.of(events::add), null);
        in.run(ctx, "4 9 10 13", settings);
        return events;
    }

    @Test
    void aWorkspaceKeepsTheWriterTheJudgeAndTheModelCalls(@TempDir Path dir) throws Exception {
        List<RunEvent> events = run(4);
        RunSetup setup = new RunSetup(scheme(), "game24", "4 9 10 13",
                ModelChoice.NATIVE.withWriter("scripted:/tmp/w.json").withJudge("lm (models)"), 1, 4);
        Path f = dir.resolve("w.rlmw.json");
        WorkspaceIO.write(new Workspace(setup, events), f);
        Workspace back = WorkspaceIO.read(f);
        assertThat(back.setup().models()).isEqualTo(setup.models());
        assertThat(back.trace().stream().map(TraceJson::toLine).toList())
                .isEqualTo(events.stream().map(TraceJson::toLine).toList());
        // a workspace from before writers and judges opens with none
        Files.writeString(f, Files.readString(f).replace("\"writer\"", "\"w0\"").replace("\"judge\"", "\"j0\""));
        assertThat(WorkspaceIO.read(f).setup().models().writer()).isEqualTo("none");
        // and one whose trace is of an unknown format is refused, naming the version
        Files.writeString(f, Files.readString(f).replace("\"format\" : 2", "\"format\" : 9"));
        assertThatThrownBy(() -> WorkspaceIO.read(f)).hasMessageContaining("trace format version 9");
    }

    @Test
    void chartsCountInvalidProposalsPerIterationAndTheStatusLineSumsTheCalls() throws Exception {
        List<RunEvent> events = run(5);
        ChartsModel charts = new ChartsModel();
        events.forEach(charts::accept);
        List<ChartsModel.ProposalPoint> pts = charts.proposals();
        assertThat(pts).hasSize(4);
        // the root's 4 samples: one legal, two identical wrong ones (one node, count 2), one not a step
        assertThat(pts.get(0).proposals()).isEqualTo(4);
        assertThat(pts.get(0).invalid()).isEqualTo(3);
        long invalidNodes = events.stream().filter(e -> e instanceof org.rlmworkbench.runner.event.NodeAdded n
                && n.invalid()).count();
        ModelUsageTally tally = new ModelUsageTally();
        tally.accept(events);
        assertThat(tally.text()).startsWith(events.stream()
                .filter(org.rlmworkbench.runner.event.ModelCalled.class::isInstance).count() + " model calls ·")
                .endsWith("· " + invalidNodes + " invalid");
    }
}
