package org.rlmworkbench.runner.scheme;

import static org.rlmworkbench.runner.scheme.ParamSpec.choice;
import static org.rlmworkbench.runner.scheme.ParamSpec.flag;
import static org.rlmworkbench.runner.scheme.ParamSpec.integer;
import static org.rlmworkbench.runner.scheme.ParamSpec.optionalInteger;
import static org.rlmworkbench.runner.scheme.ParamSpec.optionalReal;
import static org.rlmworkbench.runner.scheme.ParamSpec.real;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of scheme node types: the blueprint's operators and the control nodes, each with
 * its category, ports, documented parameters, a one-line description and its formula or rule.
 * Every operator takes a working set of reasoning nodes on {@code in} and passes one on.
 */
public enum NodeType {

    START(Category.CONTROL, "Start", "Begins the run with the root (the problem instance) as the working set.",
            "working set := [root]",
            List.of(),
            List.of(PortSpec.out("out", "the root"))),

    LOOP(Category.CONTROL, "Loop", "Repeats its body until a budget is spent; the body wires back to 'repeat'.",
            "repeat while iterations < budget, nodes < max_nodes, time < seconds, model calls < model_calls, tokens < tokens, cost < cost",
            List.of(optionalInteger("iterations", 1, 10_000_000, "iterations of the body (the run's --budget overrides the first loop)"),
                    optionalInteger("max_nodes", 1, 100_000_000, "stop when the reasoning graph has this many nodes"),
                    optionalReal("seconds", 0.001, 86_400, "stop after this much wall time (makes runs non-repeatable)"),
                    optionalInteger("model_calls", 1, 100_000_000, "stop after this many language-model calls"),
                    optionalInteger("tokens", 1, 2_000_000_000, "stop after this many language-model tokens (prompt and completion)"),
                    optionalReal("cost", 0.0, 1e9, "stop once the language-model calls cost this much (where a price is known)"),
                    flag("reset", false, "start every iteration from the working set the loop was entered with"),
                    flag("collect", false, "'done' passes every node the iterations produced, not just the last")),
            List.of(PortSpec.in("in", "entry: starts counting from zero"),
                    PortSpec.in("repeat", "end of the body: counts one iteration"),
                    PortSpec.out("body", "the working set, once per iteration"),
                    PortSpec.out("done", "the working set when the budget is spent"))),

    BRANCH(Category.CONTROL, "Branch", "Sends the working set to 'true' or 'false' by a condition.",
            "solved | depth_reached(depth) | frontier_empty | all_terminal",
            List.of(choice("condition", "solved", List.of("solved", "depth_reached", "frontier_empty", "all_terminal"),
                            "what to test"),
                    integer("depth", 4, 0, 10_000, "for depth_reached: the depth any working-set node must reach")),
            List.of(PortSpec.in("in", "working set"), PortSpec.out("true", "when the condition holds"),
                    PortSpec.out("false", "otherwise"))),

    OUTPUT(Category.CONTROL, "Output", "Ends the run and reports the answer and its reasoning path.",
            "best path by visits N, by value Q, by reward R, or the majority answer",
            List.of(choice("rule", "best_visits", List.of("best_visits", "best_value", "best_reward", "majority"),
                            "how to choose the answer"),
                    flag("prefer_solution", true, "report a verified solution when the search found one")),
            List.of(PortSpec.in("in", "working set"))),

    GENERATE(Category.STRUCTURE, "Generate", "Expands nodes with next steps: enumerated and ranked by the policy, or written by the writer model.",
            "enumerate: children ~ policy(s), k = 0 takes every legal step; sample: k texts ~ writer(s), parsed, equal states merged, P = softmax(log p) or counts",
            List.of(integer("k", 0, 0, 1000, "steps per node; enumerate: 0 = every legal step; sample: samples per node, 0 = 8"),
                    choice("mode", "expand", List.of("expand", "chain"),
                            "expand: k children per node; chain: sample one step at a time to a terminal"),
                    choice("source", "enumerate", List.of("enumerate", "sample", "policy"),
                            "enumerate: the problem lists the legal steps and the policy ranks them; sample: the writer model writes them (policy: the older name of enumerate)"),
                    real("temperature", 1.0, 0.0, 10.0, "sampling temperature: over priors when k is smaller than the legal steps, or the writer's"),
                    integer("max_tokens", 64, 1, 100_000, "sample: at most this many tokens per written step"),
                    integer("max_depth", 64, 1, 10_000, "chain mode: at most this many steps"),
                    choice("output", "children", List.of("children", "expanded"),
                            "pass on the new children, or the expanded nodes themselves")),
            List.of(PortSpec.in("in", "nodes to expand"), PortSpec.out("out", "new children (or the expanded nodes)"))),

    REFINE(Category.STRUCTURE, "Refine", "Rewrites a node's last step into a better alternative when one exists.",
            "s' = argmax_{k alternatives from parent} V; kept if V(s') > V(s)",
            List.of(integer("k", 3, 1, 1000, "alternatives to consider"),
                    choice("source", "heuristic", List.of("heuristic", "value", "reward", "rollout"),
                            "how alternatives are scored"),
                    choice("alternatives", "enumerate", List.of("enumerate", "writer"),
                            "enumerate: the policy's best legal steps; writer: k rewrites of the last step written by the writer model"),
                    real("temperature", 1.0, 0.0, 10.0, "writer: sampling temperature")),
            List.of(PortSpec.in("in", "nodes to refine"), PortSpec.out("out", "refined nodes (or the originals)"))),

    AGGREGATE(Category.STRUCTURE, "Aggregate", "Merges nodes: majority vote over answers, or merge of equal states.",
            "vote: answer* = argmax_a |{n : answer(n) = a}|; merge: nodes with equal state become one (DAG)",
            List.of(choice("mode", "vote", List.of("vote", "merge"), "vote over answers or merge equal states")),
            List.of(PortSpec.in("in", "nodes to aggregate"), PortSpec.out("out", "the aggregated nodes"))),

    PRUNE(Category.STRUCTURE, "Prune", "Keeps the best nodes of the working set and prunes the rest.",
            "top_b: keep b best by score; threshold: keep score >= t",
            List.of(choice("mode", "top_b", List.of("top_b", "threshold"), "which rule"),
                    integer("b", 5, 1, 100_000, "top_b: how many to keep"),
                    real("threshold", 0.0, -1.0, 1.0, "threshold: the least score kept"),
                    choice("by", "value", List.of("value", "q", "reward", "prior"), "the score")),
            List.of(PortSpec.in("in", "candidates"), PortSpec.out("out", "survivors"))),

    RESTRUCTURE(Category.STRUCTURE, "Restructure", "Changes the shape of the search: commits to the best child as new root.",
            "root := argmax_c N(c) (or Q(c)); its siblings are pruned",
            List.of(choice("mode", "reroot_best", List.of("reroot_best"), "the transformation"),
                    choice("by", "visits", List.of("visits", "value"), "how the best child is chosen")),
            List.of(PortSpec.in("in", "working set"), PortSpec.out("out", "the new root"))),

    SELECT(Category.TRAVERSAL, "Select", "Chooses where to go next by a selection rule.",
            "PUCT: Q(s,a) + c·P(a|s)·sqrt(N(s))/(1+N(s,a)); UCT: Q + c·sqrt(ln N(s)/N(s,a)); "
                    + "prior-free PUCT: q̂ + sqrt(N(s)-1)/(1+N(c))·(c1 + ln((N(s)+c2)/c2))",
            List.of(choice("rule", "puct", List.of("puct", "uct", "prior_free_puct", "greedy", "top_k", "sample"),
                            "the selection rule"),
                    choice("scope", "tree", List.of("tree", "input", "children"),
                            "tree: descend from the root to a leaf; input: choose within the working set; children: choose among each node's children"),
                    real("c", 1.25, 0.0, 100.0, "exploration constant"),
                    real("c1", 1.25, 0.0, 100.0, "prior-free PUCT: c1"),
                    real("c2", 19652.0, 1.0, 1e9, "prior-free PUCT: c2"),
                    integer("k", 1, 1, 100_000, "top_k: how many to keep"),
                    real("temperature", 1.0, 0.01, 100.0, "sample: temperature over scores"),
                    choice("by", "value", List.of("value", "q", "prior", "reward"), "greedy, top_k and sample: the score"),
                    flag("unvisited_only", false, "children scope: only children not selected before (depth-first search)"),
                    integer("batch", 1, 1, 4096, "tree scope: descents per iteration, B; their distinct leaves go on together"
                            + " (one forward pass of the value/policy networks, one batch of language-model requests);"
                            + " 1 = plain MCTS, one leaf per iteration"),
                    integer("virtual_loss", 1, 0, 1000, "batch > 1: n_vl, the virtual visits of value -1 that each descent"
                            + " adds to every node on its path until its value is backed up, so the next descent goes"
                            + " elsewhere (AlphaZero); 0 = none, every descent takes the same path")),
            List.of(PortSpec.in("in", "working set"), PortSpec.out("out", "the chosen nodes"))),

    BACKTRACK(Category.TRAVERSAL, "Backtrack", "Leaves dead ends for the nearest ancestor with untried children.",
            "dead end (terminal and wrong, pruned, or fully tried) -> nearest ancestor with an untried child",
            List.of(choice("mode", "ancestor", List.of("ancestor", "parent"), "how far to go back"),
                    real("threshold", -1.0, -1.0, 1.0, "a node valued below this is a dead end; -1 turns this off")),
            List.of(PortSpec.in("in", "current nodes"), PortSpec.out("out", "where the search resumes"))),

    BACKPROPAGATE(Category.UPDATE, "Backpropagate", "Carries each node's value up to the root and updates N and Q.",
            "mean: Q <- Q + (g^d·v - Q)/N; max: Q <- max(Q, g^d·v); visit_weighted: q(s) <- (1-a)q(s) + a·g·Σ N(c)q(c)/Σ N(c)",
            List.of(choice("rule", "mean", List.of("mean", "max", "visit_weighted"), "the update rule"),
                    real("discount", 1.0, 0.0, 1.0, "g: discount per level (x1 uses 0.96 for visit_weighted)"),
                    real("alpha", 0.5, 0.0, 1.0, "a: visit_weighted step size")),
            List.of(PortSpec.in("in", "evaluated nodes"), PortSpec.out("out", "the same nodes"))),

    EVALUATE(Category.EVALUATE, "Evaluate", "Estimates the value of nodes: value model, reward model, verifier or rollout.",
            "V = (1-α)·value(s) + α·rollout(s); judge: V = mean of valueWords[last word] over n samples; terminal: V = R = verifier (+1 / -1)",
            List.of(choice("source", "value_or_rollout",
                            List.of("value", "rollout", "value_or_rollout", "reward", "heuristic", "judge"),
                            "value model, random rollout, value model when there is one else rollout, reward model (ORM/PRM), problem heuristic, judge model (the problem's value prompt)"),
                    integer("judge_samples", 3, 1, 100, "judge: answers sampled per node, their mapped values averaged"),
                    choice("terminal", "verifier", List.of("verifier", "judge"),
                            "final answers: the problem's verifier, or the judge model's verdict (a learned outcome reward)"),
                    real("alpha", 0.0, 0.0, 1.0, "α: weight of the rollout when mixed with a value estimate"),
                    integer("rollout_depth", 50, 1, 10_000, "rollout: at most this many random steps"),
                    integer("rollouts", 1, 1, 1000, "rollout: how many, averaged")),
            List.of(PortSpec.in("in", "nodes to evaluate"), PortSpec.out("out", "the same nodes")));

    private final Category category;
    private final String displayName;
    private final String description;
    private final String formula;
    private final List<ParamSpec> params;
    private final List<PortSpec> ports;

    NodeType(Category category, String displayName, String description, String formula, List<ParamSpec> params,
             List<PortSpec> ports) {
        this.category = category;
        this.displayName = displayName;
        this.description = description;
        this.formula = formula;
        this.params = params;
        this.ports = ports;
    }

    /** The name used in scheme files, e.g. {@code Select}. */
    public String typeName() {
        return displayName;
    }

    public Category category() {
        return category;
    }

    public String description() {
        return description;
    }

    public String formula() {
        return formula;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public List<PortSpec> ports() {
        return ports;
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<PortSpec> inputs() {
        return ports.stream().filter(p -> p.direction() == PortDirection.IN).toList();
    }

    public List<PortSpec> outputs() {
        return ports.stream().filter(p -> p.direction() == PortDirection.OUT).toList();
    }

    /** Whether this is one of the blueprint's operators (not a control node). */
    public boolean isOperator() {
        return category != Category.CONTROL;
    }

    /** The type with this file name (e.g. {@code Select}), or null. */
    public static NodeType byName(String name) {
        for (NodeType t : values()) {
            if (t.displayName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
