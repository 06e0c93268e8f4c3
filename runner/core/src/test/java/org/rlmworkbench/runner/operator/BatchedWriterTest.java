package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.LeavesSelected;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.HeuristicValue;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;
import org.rlmworkbench.runner.trace.TraceJson;

/** The LM scheme with a batch: the writer gets every leaf of an iteration in one call. */
class BatchedWriterTest {

    private static List<RunEvent> run(int batch, SumWriter writer, RunContext[] ctxOut) throws Exception {
        Scheme s = BuiltinSchemes.load("mcts-lm");
        s = s.withNode(s.node("select").orElseThrow().withParam("batch", batch));
        Interpreter in = new Interpreter(s, new SumProblem(), Models.problemNative().withValue(new HeuristicValue())
                .withWriter(writer));
        List<RunEvent> events = new ArrayList<>();
        RunContext ctx = in.newContext(RunSettings.seed(3), List.of(events::add), null);
        in.run(ctx, "20 8", RunSettings.seed(3).withBudget(10));
        ctxOut[0] = ctx;
        return events;
    }

    private static String line(RunEvent e) {
        return TraceJson.toLine(e).replaceAll("\"latencyMs\":[0-9.E-]+", "\"latencyMs\":0");
    }

    @Test
    void eachIterationAsksTheWriterOnceForAllItsLeaves() throws Exception {
        SumWriter writer = new SumWriter("sum-writer");
        RunContext[] ctx = new RunContext[1];
        List<RunEvent> events = run(4, writer, ctx);
        List<ModelCalled> calls = events.stream().filter(ModelCalled.class::isInstance).map(ModelCalled.class::cast)
                .toList();
        long iterations = events.stream().filter(LeavesSelected.class::isInstance).count();
        assertThat(iterations).isEqualTo(10);
        assertThat(calls.size()).isLessThanOrEqualTo((int) iterations);
        assertThat(writer.calls.get()).isEqualTo(calls.size());
        // after the first iterations a call carries several leaves' prompts
        assertThat(calls.stream().mapToInt(c -> c.exchanges().size()).max().orElse(0)).isGreaterThan(1);
        assertThat(ctx[0].graph().anyInFlight()).isFalse();
        // and the same seed writes the same trace (but for the calls' measured latencies, the only clock in it)
        List<String> a = events.stream().map(BatchedWriterTest::line).toList();
        List<String> b = run(4, new SumWriter("sum-writer"), ctx).stream().map(BatchedWriterTest::line).toList();
        assertThat(b).isEqualTo(a);
    }
}
