package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ValueModel;
import org.rlmworkbench.runner.problem.Problem;

/**
 * The Evaluate operator: sets V for each working-set node. Terminal nodes get the verifier's
 * outcome reward (+1 / -1) as both R and V, and a correct one is reported as a solution. Others are
 * valued by the value model (all in one batch), by random rollouts to a terminal, by the reward
 * model (a process reward), or by the problem's heuristic; a value estimate may be mixed with a
 * rollout as {@code (1 - alpha) · value + alpha · rollout}. With source {@code judge} a language model
 * reads the problem's value prompt n times and its last words are mapped into [-1, 1] (see
 * {@link Judge}); with {@code terminal = judge} it also gives final answers their reward. An invalid
 * (model-written, rejected) step gets V = R = -1.
 */
public record Evaluate(String nodeId, ValueSource source, double alpha, Rollout rollout, int judgeSamples,
                       boolean judgeTerminal) implements Operator {

    static Evaluate from(Params p) {
        return new Evaluate(p.nodeId(), ValueSource.parse(p.choice("source")), p.real("alpha"),
                new Rollout(p.integer("rollout_depth"), p.integer("rollouts")), p.integer("judge_samples"),
                p.choice("terminal").equals("judge"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        List<Evaluation> evaluations = new ArrayList<>(input.length);
        ValueModel valueModel = ctx.models().value();
        ValueSource used = source.resolve(valueModel, nodeId, "value_or_rollout");
        double[] modelValues = null;
        Map<Integer, Double> judged = used == ValueSource.JUDGE || judgeTerminal
                ? judge(ctx, input, used == ValueSource.JUDGE)
                : Map.of();
        if (used == ValueSource.VALUE) {
            List<Object> states = new ArrayList<>();
            for (int n : input) {
                if (!g.isTerminal(n)) {
                    states.add(g.state(n));
                }
            }
            modelValues = states.isEmpty() ? new double[0] : valueModel.values(problem, states);
        }
        int m = 0;
        for (int n : input) {
            Object state = g.state(n);
            if (g.isInvalid(n)) {
                // a step the problem rejected: the worst outcome, whatever the source
                g.setReward(n, -1);
                g.setValue(n, -1);
                evaluations.add(new Evaluation(n, -1.0, -1.0));
                continue;
            }
            if (g.isTerminal(n)) {
                double r = judgeTerminal ? judged.get(n) : problem.outcomeReward(state);
                g.setReward(n, r);
                g.setValue(n, r);
                evaluations.add(new Evaluation(n, r, r));
                continue;
            }
            double v;
            Double reward = null;
            switch (used) {
                case VALUE -> {
                    v = modelValues[m++];
                    if (alpha > 0) {
                        v = (1 - alpha) * v + alpha * rollout.value(problem, state, ctx.rng());
                    }
                }
                case ROLLOUT -> v = rollout.value(problem, state, ctx.rng());
                case JUDGE -> v = judged.get(n);
                case REWARD -> {
                    v = ctx.models().reward().reward(problem, state);
                    reward = v;
                    g.setReward(n, v);
                }
                case HEURISTIC -> {
                    v = problem.heuristicValue(state);
                    if (alpha > 0) {
                        v = (1 - alpha) * v + alpha * rollout.value(problem, state, ctx.rng());
                    }
                }
                default -> throw new IllegalStateException("value_or_rollout is resolved above");
            }
            g.setValue(n, v);
            evaluations.add(new Evaluation(n, v, reward));
        }
        ctx.emit(new ValuesComputed(used.wireName(), evaluations));
        for (Evaluation e : evaluations) {
            if (e.reward() != null && g.isTerminal(e.node()) && e.reward() > 0) {
                ctx.solutionFound(e.node(), e.reward());
            }
        }
        return input;
    }

    /**
     * Asks the judge, in one call, for the value of every non-terminal node (when {@code values}) and
     * the verdict on every terminal node's answer (when judging final answers); maps each answer by
     * {@link Judge}.
     */
    private Map<Integer, Double> judge(RunContext ctx, int[] input, boolean values) {
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        LanguageModel judge = ctx.models().judge();
        if (judge == null) {
            throw new RunFailedException("node '" + nodeId + "', field params." + (values ? "source" : "terminal")
                    + ": needs a judge model, and none is chosen; choose one (--judge on the command line)");
        }
        List<ModelCalls.Ask> asks = new ArrayList<>();
        List<Integer> about = new ArrayList<>();
        String instance = g.text(g.root());
        for (int n : input) {
            if (g.isInvalid(n) || about.contains(n)) {
                continue;
            }
            Object state = g.state(n);
            String prompt;
            if (g.isTerminal(n)) {
                if (!judgeTerminal) {
                    continue;
                }
                prompt = problem.prompts().renderJudgeAnswer(instance, problem.answer(state));
            } else if (values) {
                prompt = problem.prompts().renderValue(problem.promptText(state));
            } else {
                continue;
            }
            asks.add(new ModelCalls.Ask(n, new CompletionRequest(prompt, judgeSamples, Judge.TEMPERATURE,
                    Judge.MAX_TOKENS, List.of(), ctx.modelCalls().seedFor(n))));
            about.add(n);
        }
        Map<Integer, Double> out = new HashMap<>();
        if (asks.isEmpty()) {
            return out;
        }
        List<Completion> answers = ctx.modelCalls().complete("judge", judge, asks);
        Map<String, Double> words = problem.prompts().valueWords();
        for (int i = 0; i < about.size(); i++) {
            out.put(about.get(i), Judge.value(answers.get(i), words));
        }
        return out;
    }
}
