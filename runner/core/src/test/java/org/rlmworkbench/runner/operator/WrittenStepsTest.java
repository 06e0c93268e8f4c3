package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.model.ScriptedLanguageModel;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.Toy;

/**
 * Generate, Refine and Evaluate with a scripted language model on the Sum problem ("7 3": from 0,
 * three steps of +1, +2 or +3 to reach 7; the root's prompt is its state "0 3 7").
 */
class WrittenStepsTest {

    private static Toy toy(LanguageModel writer, LanguageModel judge) {
        return new Toy("7 3", Models.problemNative().withWriter(writer).withJudge(judge), 5);
    }

    private static LanguageModel writer(String... texts) {
        return ScriptedLanguageModel.of("w", PromptStyle.STATE, Map.of("0 3 7", List.of(texts)), List.of());
    }

    @Test
    void sampledStepsAreParsedDuplicatesMergeWithCountsAndRejectedOnesBecomeInvalidChildren() {
        Toy t = toy(writer("0 + 2 = 2", "0 + 5 = 5", " 0 +  2 = 2 ", "0 + 3 = 3"), null);
        int[] out = op("Generate", Map.of("source", "sample", "k", 4)).apply(t.ctx, new int[] {t.root});
        ReasoningGraph g = t.graph();
        assertThat(g.children(t.root)).containsExactly(1, 2, 3);
        assertThat(out).containsExactly(1, 3);
        assertThat(g.text(1)).isEqualTo("0 + 2 = 2");
        assertThat(g.written(1).count()).isEqualTo(2);
        assertThat(g.prior(1)).isCloseTo(2 / 3.0, offset(1e-6));
        assertThat(g.prior(3)).isCloseTo(1 / 3.0, offset(1e-6));
        assertThat(g.isInvalid(2)).isTrue();
        assertThat(g.isTerminal(2)).isTrue();
        assertThat(g.reward(2)).isEqualTo(-1.0);
        assertThat(g.written(2).raw()).isEqualTo("0 + 5 = 5");
        assertThat(g.written(2).reason()).isEqualTo("not one of the legal steps");
        assertThat(g.isInvalid(1) || g.isInvalid(3)).isFalse();
        assertThat(t.ctx.modelCalls().usage().invalidSteps()).isEqualTo(1);
        List<ModelCalled> calls = t.of(ModelCalled.class);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).role()).isEqualTo("writer");
        assertThat(calls.get(0).exchanges().get(0).prompt()).isEqualTo("0 3 7");
        assertThat(calls.get(0).exchanges().get(0).responses()).hasSize(4);
        assertThat(t.of(NodeAdded.class).get(2).written().invalid()).isTrue();
        assertThat(t.of(NodeAdded.class).get(2).state()).isEqualTo("0 3 7");
    }

    @Test
    void priorsAreTheSoftmaxOfLogProbabilitiesSummedOverMergedSamples() {
        LanguageModel w = new ScriptedLanguageModel("w", PromptStyle.STATE, Map.of("0 3 7", List.of(
                ScriptedLanguageModel.sample("0 + 1 = 1", -1.0), ScriptedLanguageModel.sample("0 + 3 = 3", -2.0),
                ScriptedLanguageModel.sample("0 + 3 = 3", -2.0), ScriptedLanguageModel.sample("0 + 7 = 7", -0.1))),
                List.of(), false, 0);
        Toy t = toy(w, null);
        op("Generate", Map.of("source", "sample", "k", 4)).apply(t.ctx, new int[] {t.root});
        double a = Math.exp(-1.0);
        double b = 2 * Math.exp(-2.0);
        assertThat(t.graph().prior(1)).isCloseTo(a / (a + b), offset(1e-6));
        assertThat(t.graph().prior(2)).isCloseTo(b / (a + b), offset(1e-6));
        assertThat(t.graph().isInvalid(3)).isTrue();
        assertThat(t.graph().prior(3)).isZero();
    }

    @Test
    void invalidNodesAreNeverSelectedByAnyRule() {
        for (String rule : List.of("puct", "uct", "prior_free_puct", "greedy", "top_k", "sample")) {
            Toy t = toy(writer("0 + 9 = 9", "0 + 1 = 1", "0 + 8 = 8"), null);
            op("Generate", Map.of("source", "sample", "k", 3)).apply(t.ctx, new int[] {t.root});
            ReasoningGraph g = t.graph();
            // make the invalid ones look best by every score a rule reads
            for (int c : g.children(t.root)) {
                if (g.isInvalid(c)) {
                    g.setStats(c, 0, 50.0);
                    g.setValue(c, 1.0);
                    g.setPrior(c, 1.0);
                }
            }
            g.setStats(t.root, 3, 0);
            for (String scope : List.of("tree", "children", "input")) {
                int[] in = scope.equals("input") ? g.children(t.root) : new int[] {t.root};
                int[] chosen = op("Select", Map.of("rule", rule, "scope", scope, "k", 3)).apply(t.ctx, in);
                assertThat(Arrays.stream(chosen).noneMatch(g::isInvalid)).as(rule + "/" + scope).isTrue();
            }
            assertThat(t.of(NodeSelected.class)).extracting(NodeSelected::chosen).allMatch(c -> !g.isInvalid(c));
        }
    }

    @Test
    void aNodeWhoseEveryStepWasInvalidIsAskedAgainWithANewSeed() {
        LanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.STATE, Map.of("0 3 7", List.of("oops")), List.of());
        Toy t = toy(w, null);
        Operator gen = op("Generate", Map.of("source", "sample", "k", 1));
        assertThat(gen.apply(t.ctx, new int[] {t.root})).containsExactly(t.root);
        gen.apply(t.ctx, new int[] {t.root});
        List<ModelCalled> calls = t.of(ModelCalled.class);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).exchanges().get(0).seed()).isNotEqualTo(calls.get(1).exchanges().get(0).seed());
        assertThat(Arrays.stream(t.graph().children(t.root)).filter(t.graph()::isInvalid)).hasSize(2);
    }

    @Test
    void chainModeWritesOneStepPerCallAndStopsAtTheFirstInvalidStep() {
        LanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.STATE,
                Map.of("0 3 7", List.of("0 + 3 = 3"), "3 2 7", List.of("3 + 2 = 5"), "5 1 7", List.of("5 + 1 = 7")),
                List.of());
        Toy t = toy(w, null);
        int[] out = op("Generate", Map.of("source", "sample", "mode", "chain")).apply(t.ctx, new int[] {t.root});
        ReasoningGraph g = t.graph();
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.isInvalid(out[0])).isTrue();
        assertThat(g.written(out[0]).reason()).isEqualTo("not one of the legal steps");
        assertThat(g.text(2)).isEqualTo("3 + 2 = 5");
        assertThat(t.of(ModelCalled.class)).hasSize(3);
    }

    @Test
    void aFewShotWriterProposesOneStepPerLineFromTheProposePrompt() {
        String prompt = new SumProblem().prompts().renderPropose("0 3 7", 3);
        LanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.FEW_SHOT,
                Map.of(prompt, List.of("0 + 1 = 1\n\n0 + 2 = 2\n0 + 4 = 4\n")), List.of());
        Toy t = toy(w, null);
        op("Generate", Map.of("source", "sample", "k", 3)).apply(t.ctx, new int[] {t.root});
        ReasoningGraph g = t.graph();
        assertThat(g.children(t.root)).hasSize(3);
        assertThat(g.isInvalid(3)).isTrue();
        assertThat(g.prior(1)).isCloseTo(0.5, offset(1e-6));
        assertThat(t.of(ModelCalled.class).get(0).exchanges().get(0).n()).isEqualTo(1);
    }

    @Test
    void sampleWithoutAWriterFailsNamingTheNodeAndField() {
        Toy t = toy(null, null);
        assertThatThrownBy(() -> op("Generate", Map.of("source", "sample")).apply(t.ctx, new int[] {t.root}))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("node 'generate', field params.source")
                .hasMessageContaining("writer");
    }

    @Test
    void refineAsksTheWriterForARewriteAndKeepsTheBetterOne() {
        LanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.STATE,
                Map.of("0 3 7", List.of("0 + 1 = 1", "0 + 9 = 9", "0 + 3 = 3")), List.of());
        Toy t = toy(w, null);
        int weak = t.ctx.addChild(t.root, Step.of("0 + 1 = 1", (Object) new SumProblem.State(1, 2, 7)), 0.3);
        int[] out = op("Refine", Map.of("alternatives", "writer", "k", 3)).apply(t.ctx, new int[] {weak});
        ReasoningGraph g = t.graph();
        assertThat(out).hasSize(1);
        assertThat(g.text(out[0])).isEqualTo("0 + 3 = 3");
        assertThat(g.isRefined(out[0])).isTrue();
        assertThat(g.parent(out[0])).isEqualTo(t.root);
        NodeRefined r = t.of(NodeRefined.class).get(0);
        assertThat(r.original()).isEqualTo(weak);
        assertThat(r.refinedValue()).isGreaterThan(r.originalValue());
        // the rejected rewrite is kept beside them, invalid
        assertThat(Arrays.stream(g.children(t.root)).filter(g::isInvalid).mapToObj(g::text)).containsExactly("0 + 9 = 9");
        assertThat(t.of(ModelCalled.class)).hasSize(1);
    }

    @Test
    void theJudgesLastWordsMapIntoMinusOneToOneAndAreAveraged() {
        String valuePrompt = new SumProblem().prompts().renderValue("1 2 7");
        String valuePrompt2 = new SumProblem().prompts().renderValue("3 2 7");
        LanguageModel judge = ScriptedLanguageModel.of("j", PromptStyle.FEW_SHOT, Map.of(
                valuePrompt, List.of("1 + 6 = 7 in two steps? no.\nimpossible", "Impossible.", "likely"),
                valuePrompt2, List.of("sure", "SURE!", "I cannot tell: maybe")), List.of());
        Toy t = toy(writer("0 + 1 = 1", "0 + 3 = 3"), judge);
        int[] kids = op("Generate", Map.of("source", "sample", "k", 2)).apply(t.ctx, new int[] {t.root});
        op("Evaluate", Map.of("source", "judge", "judge_samples", 3)).apply(t.ctx, kids);
        ValuesComputed v = t.of(ValuesComputed.class).get(0);
        assertThat(v.source()).isEqualTo("judge");
        assertThat(t.graph().value(kids[0])).isCloseTo(-2 / 3.0, offset(1e-6));
        assertThat(t.graph().value(kids[1])).isCloseTo(2 / 3.0, offset(1e-6));
        ModelCalled call = t.of(ModelCalled.class).get(1);
        assertThat(call.role()).isEqualTo("judge");
        assertThat(call.exchanges()).hasSize(2);
    }

    @Test
    void theJudgeGivesFinalAnswersTheirRewardAndInvalidNodesAlwaysGetMinusOne() {
        var p = new SumProblem();
        LanguageModel judge = ScriptedLanguageModel.of("j", PromptStyle.FEW_SHOT,
                Map.of(p.prompts().renderJudgeAnswer("7 3", "7"), List.of("yes")), List.of("no"));
        LanguageModel w = ScriptedLanguageModel.of("w", PromptStyle.STATE,
                Map.of("0 3 7", List.of("0 + 3 = 3", "bad")), List.of());
        Toy t = toy(w, judge);
        op("Generate", Map.of("source", "sample", "k", 2)).apply(t.ctx, new int[] {t.root});
        var s = new SumProblem.State(7, 0, 7);
        int fin = t.ctx.addChild(1, Step.of("3 + 4 = 7", (Object) s), 1.0);
        op("Evaluate", Map.of("source", "heuristic", "terminal", "judge")).apply(t.ctx, new int[] {fin, 2});
        assertThat(t.graph().reward(fin)).isEqualTo(1.0);
        assertThat(t.graph().isSolved(fin)).isTrue();
        assertThat(t.graph().value(2)).isEqualTo(-1.0);
        assertThat(t.graph().reward(2)).isEqualTo(-1.0);
    }
}
