package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlmworkbench.runner.debug.DebugState;
import org.rlmworkbench.runner.debug.Debugger;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.LeavesSelected;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.VirtualLossAdded;
import org.rlmworkbench.runner.event.VirtualLossRemoved;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.VirtualLoss;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.Architecture;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.neural.NetConfig;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.neural.NeuralPolicyModel;
import org.rlmworkbench.runner.neural.NeuralValueModel;
import org.rlmworkbench.runner.operator.RunCancelledException;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.operator.selection.PuctSelection;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.trace.TraceWriter;

/** Batched MCTS (Select's batch with a virtual loss) on the real Game of 24. */
class BatchedMctsGame24Test {

    static final Problem<?> GAME24 = Problems.byId("game24");

    /** The built-in scheme with its Select's batch and virtual loss set. */
    static Scheme batched(String scheme, int batch, int virtualLoss) {
        Scheme s = BuiltinSchemes.load(scheme);
        return s.withNode(s.node("select").orElseThrow().withParam("batch", batch).withParam("virtual_loss",
                virtualLoss));
    }

    private static String trace(Scheme scheme, String instance, long seed, int budget) throws Exception {
        StringWriter out = new StringWriter();
        try (TraceWriter w = new TraceWriter(out)) {
            new Interpreter(scheme, GAME24, Models.problemNative())
                    .run(instance, RunSettings.seed(seed).withBudget(budget), List.of(w), null);
        }
        return out.toString();
    }

    /**
     * The golden files are the traces the main branch wrote before batches existed:
     * {@code ./workbench run --scheme S --problem game24 --instance "1 5 5 5" --seed 7 --budget 40 --trace S.jsonl}
     * at commit 4e5773c.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mcts", "mcts-uct", "beam", "best-of-n"})
    void batchOneGivesTheTracesOfBeforeByteForByte(String scheme) throws Exception {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + scheme + ".jsonl")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(trace(BuiltinSchemes.load(scheme), "1 5 5 5", 7, 40)).isEqualTo(golden);
    }

    @Test
    void batchOneSetExplicitlyIsTheSameRunAsNoBatchAtAll() throws Exception {
        Scheme bare = BuiltinSchemes.load("mcts");
        Scheme explicit = batched("mcts", 1, 3);
        assertThat(explicit.node("select").orElseThrow().params()).containsEntry("batch", 1);
        assertThat(trace(explicit, "4 9 10 13", 3, 60)).isEqualTo(trace(bare, "4 9 10 13", 3, 60));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 32})
    void batchedRunsAreRepeatableAndSayWhichLeavesWentTogether(int batch) throws Exception {
        Scheme s = batched("mcts", batch, 1);
        String a = trace(s, "1 5 5 5", 7, 30);
        assertThat(a).isEqualTo(trace(s, "1 5 5 5", 7, 30));
        assertThat(a).startsWith("{\"type\":\"run_started\",\"scheme\":\"mcts\",\"problem\":\"game24\",\"instance\":"
                + "\"1 5 5 5\",\"seed\":7,\"format\":3}");
        assertThat(a).contains("\"type\":\"leaves_selected\"", "\"type\":\"virtual_loss_added\"",
                "\"type\":\"virtual_loss_removed\"", "\"inFlight\":");
        assertThat(a).isNotEqualTo(trace(batched("mcts", batch, 1), "1 5 5 5", 8, 30));
    }

    @Test
    void aBatchSpreadsOverDifferentLeavesAndEachIterationBacksUpEveryOne() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        Interpreter in = new Interpreter(batched("mcts", 8, 1), GAME24, Models.problemNative());
        RunContext ctx = in.newContext(RunSettings.seed(7), List.of(events::add), null);
        in.run(ctx, "1 5 5 5", RunSettings.seed(7).withBudget(20));
        List<LeavesSelected> batches = events.stream().filter(LeavesSelected.class::isInstance)
                .map(LeavesSelected.class::cast).toList();
        assertThat(batches).hasSize(20);
        // the first iteration has only the root to offer; later ones spread over 8 distinct leaves
        assertThat(batches.get(0).leaves()).containsExactly(0);
        assertThat(batches.get(5).leaves()).hasSize(8).doesNotHaveDuplicates();
        long backups = events.stream().filter(e -> e instanceof org.rlmworkbench.runner.event.ValueBackpropagated)
                .count();
        assertThat(backups).isEqualTo(batches.stream().mapToLong(b -> b.leaves().length).sum());
        // visits at the root: one real visit per distinct leaf, none left virtual
        assertThat(ctx.graph().visits(0)).isEqualTo((int) backups);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 5 5 5", "4 9 10 13", "1 7 11 13"})
    void noVirtualLossIsLeftOnAnyNodeWhenTheRunEnds(String instance) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        Interpreter in = new Interpreter(batched("mcts", 16, 2), GAME24, Models.problemNative());
        RunContext ctx = in.newContext(RunSettings.seed(5), List.of(events::add), null);
        in.run(ctx, instance, RunSettings.seed(5).withBudget(25));
        assertNoneInFlight(ctx.graph(), events);
    }

    @Test
    void aRunCancelledInTheMiddleOfABatchTakesItsVirtualLossBack() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        Interpreter in = new Interpreter(batched("mcts", 8, 1), GAME24, Models.problemNative());
        int[] added = {0};
        RunContext[] holder = new RunContext[1];
        RunContext ctx = in.newContext(RunSettings.seed(7), List.of(events::add), (i, e) -> {
            if (e instanceof VirtualLossAdded && ++added[0] == 20) {
                holder[0].cancel(); // the next event ends the run, with 4 descents of the third batch in flight
                throw new RunCancelledException();
            }
        });
        holder[0] = ctx;
        RunResult r = in.run(ctx, "1 5 5 5", RunSettings.seed(7).withBudget(50));
        assertThat(r.reason()).isEqualTo("cancelled");
        assertThat(events.stream().filter(VirtualLossRemoved.class::isInstance).count()).isPositive();
        assertNoneInFlight(ctx.graph(), events);
    }

    /**
     * The point of a batch: with networks for value and policy, each iteration's leaves cost one
     * forward pass of each, whatever B (untrained networks: the numbers do not matter here).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void eachIterationEvaluatesItsLeavesInOneForwardPassPerNetwork(int batch) throws Exception {
        @SuppressWarnings("unchecked")
        Problem<Object> p = (Problem<Object>) GAME24;
        Featurisation f = Featurisation.forProblem(p, 64);
        try (NeuralNet value = NeuralNet.create(NetConfig.of(NetKind.VALUE, "game24", Architecture.value(f, 16), f), 1);
             NeuralNet policy = NeuralNet.create(NetConfig.of(NetKind.POLICY, "game24", Architecture.policy(f, 16), f),
                     2)) {
            Models models = Models.problemNative().withValue(new NeuralValueModel(value))
                    .withPolicy(new NeuralPolicyModel(policy));
            List<RunEvent> events = new ArrayList<>();
            Interpreter in = new Interpreter(batched("mcts", batch, 1), GAME24, models);
            RunContext ctx = in.newContext(RunSettings.seed(7), List.of(events::add), null);
            RunResult r = in.run(ctx, "1 5 5 5", RunSettings.seed(7).withBudget(12));
            long evaluated = events.stream().filter(e -> e instanceof org.rlmworkbench.runner.event.ValuesComputed)
                    .mapToLong(e -> ((org.rlmworkbench.runner.event.ValuesComputed) e).evaluations().size()).sum();
            assertThat(value.forwardPasses()).isLessThanOrEqualTo(r.iterations());
            assertThat(policy.forwardPasses()).isLessThanOrEqualTo(r.iterations());
            if (batch > 1) {
                assertThat(evaluated).as("leaves evaluated").isGreaterThan(3L * r.iterations());
            }
        }
    }

    @Test
    void aBatchOnASelectThatDoesNotDescendIsRefusedNamingTheNodeAndField() {
        Scheme s = BuiltinSchemes.load("mcts");
        Scheme bad = s.withNode(s.node("select").orElseThrow().withParam("scope", "children").withParam("batch", 4));
        assertThat(org.rlmworkbench.runner.scheme.SchemeValidator.validate(bad)).anyMatch(e -> e.isError()
                && "select".equals(e.nodeId()) && "params.batch".equals(e.field())
                && e.message().contains("scope 'tree'"));
        assertThat(org.rlmworkbench.runner.scheme.SchemeValidator.validate(batched("mcts", 4, 1)))
                .noneMatch(org.rlmworkbench.runner.scheme.SchemeError::isError);
    }

    private static void assertNoneInFlight(ReasoningGraph g, List<RunEvent> events) {
        assertThat(g.anyInFlight()).isFalse();
        for (int n = 0; n < g.size(); n++) {
            assertThat(g.inFlight(n)).as("in flight at node %d", n).isZero();
        }
        long added = events.stream().filter(VirtualLossAdded.class::isInstance).count();
        assertThat(added).isPositive();
        assertThat(events.stream().filter(VirtualLossRemoved.class::isInstance).count()).isEqualTo(added);
        ReasoningGraph replayed = GraphReplayer.rebuild(events, GAME24);
        assertThat(replayed.anyInFlight()).isFalse();
    }

    /**
     * Seeks the debugger into the middle of a batch (a descent with three others in flight) and
     * checks that the paused run's graph, and the graph the trace replays to, hold the virtual loss
     * the next choice's numbers were computed with.
     */
    @Test
    void seekIntoTheMiddleOfABatchGivesTheNumbersTheRuleUsed() throws Exception {
        Scheme scheme = batched("mcts", 8, 3);
        List<RunEvent> events = new ArrayList<>();
        Interpreter in = new Interpreter(scheme, GAME24, Models.problemNative());
        in.run("1 5 5 5", RunSettings.seed(7).withBudget(12), List.of(events::add), null);
        // the first NodeSelected after the 3rd descent of the 6th batch
        int batchesSeen = 0;
        int descents = 0;
        int at = -1;
        for (int i = 0; i < events.size() && at < 0; i++) {
            RunEvent e = events.get(i);
            if (e instanceof org.rlmworkbench.runner.event.LoopIteration) {
                batchesSeen++;
                descents = 0;
            } else if (e instanceof VirtualLossAdded && batchesSeen == 6) {
                descents++;
            } else if (e instanceof NodeSelected && batchesSeen == 6 && descents == 3) {
                at = i;
            }
        }
        assertThat(at).isPositive();
        NodeSelected choice = (NodeSelected) events.get(at);
        assertThat(choice.candidates()).anyMatch(c -> c.inFlight() > 0);

        ReasoningGraph replayed = GraphReplayer.rebuild(events.subList(0, at), GAME24);
        assertRecomputes(choice, replayed);

        Debugger d = new Debugger(in, "1 5 5 5", RunSettings.seed(7).withBudget(12));
        try {
            d.seek(at - 1); // just after event at - 1: the choice is the next event
            assertThat(d.awaitStop(60_000)).isEqualTo(DebugState.PAUSED);
            ReasoningGraph live = d.context().graph();
            for (int n = 0; n < replayed.size(); n++) {
                assertThat(live.inFlight(n)).as("in flight at node %d", n).isEqualTo(replayed.inFlight(n));
            }
            assertThat(live.inFlight(0)).isEqualTo(3);
            assertRecomputes(choice, live);
        } finally {
            d.close();
        }
    }

    /** The choice's candidates are exactly what PUCT computes from {@code g} with the virtual loss. */
    private static void assertRecomputes(NodeSelected choice, ReasoningGraph g) {
        VirtualLoss vl = VirtualLoss.alphaZero(3);
        PuctSelection rule = new PuctSelection(1.25);
        int parentVisits = vl.visits(g.visits(choice.parent()), g.inFlight(choice.parent()));
        assertThat(choice.parentVisits()).isEqualTo(parentVisits);
        Map<Integer, Candidate> byNode = new HashMap<>();
        choice.candidates().forEach(c -> byNode.put(c.node(), c));
        for (Candidate c : choice.candidates()) {
            int f = g.inFlight(c.node());
            Candidate expected = rule.score(c.node(), vl.q(g.q(c.node()), g.visits(c.node()), f), g.prior(c.node()),
                    vl.visits(g.visits(c.node()), f), parentVisits).withInFlight(f);
            assertThat(c).isEqualTo(expected);
        }
        assertThat(RunStarted.FORMAT).isEqualTo(3);
    }
}
