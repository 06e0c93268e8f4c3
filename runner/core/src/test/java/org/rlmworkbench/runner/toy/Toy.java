package org.rlmworkbench.runner.toy;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.EventSink;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;

/** A run context on the Sum problem that records its events, for operator tests. */
public final class Toy {
    public final List<RunEvent> events = new ArrayList<>();
    public final RunContext ctx;
    public final int root;

    @SuppressWarnings("unchecked")
    public Toy(String instance, Models models, long seed) {
        Problem<Object> p = (Problem<Object>) (Problem<?>) new SumProblem();
        ctx = new RunContext(new ReasoningGraph(), p, models, seed, new EventSink(List.of(events::add), null));
        try {
            root = ctx.addRoot(instance, p.parseInstance(instance));
        } catch (InstanceParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Toy(String instance) {
        this(instance, Models.problemNative(), 1);
    }

    public ReasoningGraph graph() {
        return ctx.graph();
    }

    /** Events of one type, in order. */
    public <T extends RunEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
