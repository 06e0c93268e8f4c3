package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.TreeImported;

/**
 * x1's saved tree ({@code x1/strategy/mcts.py}, {@code Node.save_to_json}:
 * {@code mcts_tree_final.json}): the root node's {@code rec_dict} with nested {@code children},
 * each with {@code reasoning_step}, {@code visit_count}, {@code q_value} (the backed-up Q),
 * {@code q_value_model} (the value model's first estimate), {@code reward}, {@code is_terminal};
 * the root also has the search's {@code args}. The model's estimate becomes the node's value,
 * visit count and Q its statistics; terminal nodes keep their reward, which x1 computes against
 * {@code args.gt_solution} when there is one.
 */
final class X1Importer implements TreeImporter {

    @Override
    public TreeFormat format() {
        return TreeFormat.X1;
    }

    @Override
    public boolean fits(JsonNode d) {
        return d.isObject() && d.has("reasoning_step") && d.path("children").isArray()
                && (d.has("visit_count") || d.has("q_value"));
    }

    @Override
    public String expected() {
        return "x1: an object with 'reasoning_step', 'visit_count', 'q_value', 'is_terminal' and nested 'children'";
    }

    private record Pending(JsonNode node, int parent, String where) {
    }

    @Override
    public List<ImportedTree> read(JsonNode d, Path source) throws ImportFormatException {
        JsonNode args = d.path("args");
        JsonNode range = args.path("reward_range");
        double mid = range.isArray() && range.size() == 2 && range.get(0).isNumber() && range.get(1).isNumber()
                ? (range.get(0).asDouble() + range.get(1).asDouble()) / 2 : 0.0;
        boolean graded = args.hasNonNull("gt_solution");
        String question = Json.asText(d.get("reasoning_step"), 2000);
        List<String> missing = new ArrayList<>(List.of("priors (x1 saves none)", "tokens and cost",
                "the order nodes were added (children are listed as their evaluations finished)"));
        if (!graded) {
            missing.add("a verdict on the answer (no args.gt_solution, so x1 computed no rewards)");
        }
        List<Pending> order = new ArrayList<>();
        List<Evaluation> evals = new ArrayList<>();
        List<double[]> stats = new ArrayList<>();
        List<Integer> solved = new ArrayList<>();
        List<Double> q = new ArrayList<>();
        List<List<Integer>> children = new ArrayList<>();
        Boolean anySolved = graded ? Boolean.FALSE : null;
        TreeEvents t = new TreeEvents("x1 MCTS (imported)", "x1", question,
                new TreeImported("x1", source.toString(), 0, null, null, null, null, missing));
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(d, -1, source + ": root"));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            JsonNode n = p.node();
            if (!n.isObject()) {
                throw new ImportFormatException(p.where() + ": expected a node object, found " + Json.describe(n));
            }
            boolean terminal = n.path("is_terminal").asBoolean(false);
            String text = Json.asText(Json.field(n, "reasoning_step", p.where()), 2000);
            int id = p.parent() < 0 ? t.root(text) : t.child(p.parent(), text, terminal);
            children.add(new ArrayList<>());
            if (p.parent() >= 0) {
                children.get(p.parent()).add(id);
            }
            double value = Json.numberOrNaN(n.get("q_value_model"), p.where() + ".q_value_model");
            double reward = Json.numberOrNaN(n.get("reward"), p.where() + ".reward");
            double qv = Json.numberOrNaN(n.get("q_value"), p.where() + ".q_value");
            JsonNode visits = n.get("visit_count");
            if (visits != null && !visits.isNull() && !visits.canConvertToInt()) {
                throw new ImportFormatException(p.where() + ".visit_count: expected a whole number, found "
                        + Json.describe(visits));
            }
            q.add(qv);
            evals.add(new Evaluation(id, value, terminal && !Double.isNaN(reward) ? reward : null));
            stats.add(new double[] {id, visits == null ? 0 : visits.asInt(), qv});
            if (graded && terminal && reward > mid) {
                solved.add(id);
                anySolved = true;
            }
            JsonNode kids = Json.array(n, "children", p.where());
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(new Pending(kids.get(k), id, p.where() + ".children[" + k + "]"));
            }
        }
        t.iteration("saved tree", 1, 1);
        t.values("x1 q_value_model (value model estimate), reward of terminal nodes", evals);
        for (double[] s : stats) {
            t.stats((int) s[0], (int) s[1], s[2], "x1 (as saved)");
        }
        for (int id : solved) {
            t.solved(id, t.text(id), 1.0);
        }
        // x1's select_best_path_best_q_value: from the root, always the child of highest Q
        List<Integer> path = new ArrayList<>(List.of(0));
        for (int n = 0; !children.get(n).isEmpty(); ) {
            int best = children.get(n).get(0);
            for (int c : children.get(n)) {
                best = q.get(c) > q.get(best) ? c : best;
            }
            path.add(best);
            n = best;
        }
        TreeImported header = new TreeImported("x1", source.toString(), 0, null, null, null, anySolved, missing);
        List<org.rlmworkbench.runner.event.RunEvent> events = new ArrayList<>(t.finish(!solved.isEmpty(),
                solved.isEmpty() ? null : t.text(solved.get(0)), path.stream().mapToInt(Integer::intValue).toArray(),
                1));
        events.set(1, header);
        return List.of(new ImportedTree("x1 tree: " + (question.length() > 60 ? question.substring(0, 60) + "…"
                : question), events, t.size(), anySolved, null, null, null, null));
    }
}
