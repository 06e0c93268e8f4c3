package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.TreeImported;

/**
 * Graph of Thoughts' controller output ({@code Controller.output_graph}): a list with one object
 * per operation, {@code operation} (the operation type's name) and {@code thoughts} (their states),
 * with {@code scored}/{@code scores}, {@code validated}/{@code validity} and
 * {@code compared_to_ground_truth}/{@code problem_solved} where any thought has them, then one
 * object with {@code prompt_tokens}, {@code completion_tokens} and {@code cost}. The file keeps no
 * links between thoughts or between operations, so each thought hangs under a node for the
 * operation that holds it, and the operations under the root in the file's order.
 */
final class GotImporter implements TreeImporter {

    @Override
    public TreeFormat format() {
        return TreeFormat.GOT;
    }

    @Override
    public boolean fits(JsonNode d) {
        return d.isArray() && !d.isEmpty() && d.get(0).isObject() && d.get(0).has("operation")
                && d.get(0).has("thoughts");
    }

    @Override
    public String expected() {
        return "got: a list of operations, each with 'operation' and 'thoughts' (and 'scores', 'problem_solved'),"
                + " ending with an object of 'prompt_tokens', 'completion_tokens' and 'cost'";
    }

    @Override
    public List<ImportedTree> read(JsonNode d, Path source) throws ImportFormatException {
        Long prompt = null;
        Long completion = null;
        Double cost = null;
        List<JsonNode> ops = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            JsonNode o = d.get(i);
            String where = source + ": [" + i + "]";
            if (o.isObject() && o.has("operation")) {
                ops.add(o);
            } else if (o.isObject() && (o.has("prompt_tokens") || o.has("cost"))) {
                prompt = o.hasNonNull("prompt_tokens") ? Math.round(Json.number(o.get("prompt_tokens"), where)) : null;
                completion = o.hasNonNull("completion_tokens")
                        ? Math.round(Json.number(o.get("completion_tokens"), where)) : null;
                cost = o.hasNonNull("cost") ? Json.number(o.get("cost"), where + ".cost") : null;
            } else {
                throw new ImportFormatException(where + ": expected an operation (with 'operation' and 'thoughts') or"
                        + " the closing token counts, found " + Json.describe(o));
            }
        }
        String problem = problemText(ops);
        List<String> missing = List.of("edges between thoughts (GoT's output keeps none; thoughts hang under their"
                + " operation)", "visit counts and Q", "priors", "tokens and cost per operation");
        boolean compared = false;
        boolean anySolved = false;
        for (JsonNode o : ops) {
            if (o.has("compared_to_ground_truth")) {
                for (int k = 0; k < o.get("compared_to_ground_truth").size(); k++) {
                    compared |= o.get("compared_to_ground_truth").get(k).asBoolean(false);
                    anySolved |= o.get("compared_to_ground_truth").get(k).asBoolean(false)
                            && o.path("problem_solved").path(k).asBoolean(false);
                }
            }
        }
        Boolean byFile = compared ? anySolved : null;
        TreeEvents t = new TreeEvents("Graph of Thoughts (imported)", "got", problem,
                new TreeImported("got", source.toString(), 0, prompt, completion, cost, byFile, missing));
        int root = t.root(problem);
        int firstSolved = -1;
        int bestOp = -1;
        for (int i = 0; i < ops.size(); i++) {
            JsonNode o = ops.get(i);
            String where = source + ": operation " + i;
            String type = Json.text(Json.field(o, "operation", where), where + ".operation");
            JsonNode thoughts = Json.array(o, "thoughts", where);
            t.iteration("operations", i + 1, ops.size());
            int opNode = t.child(root, type + " (operation " + i + ", " + thoughts.size() + " thought"
                    + (thoughts.size() == 1 ? "" : "s") + ")", false);
            bestOp = opNode;
            List<Evaluation> evals = new ArrayList<>();
            for (int k = 0; k < thoughts.size(); k++) {
                String w = where + ".thoughts[" + k + "]";
                int id = t.child(opNode, thoughtText(thoughts.get(k)), false);
                if (flag(o, "scored", k, where)) {
                    evals.add(new Evaluation(id, Json.number(o.path("scores").path(k), where + ".scores[" + k + "]"),
                            null));
                }
                if (flag(o, "validated", k, where) && !flag(o, "validity", k, where)) {
                    t.pruned(id, "judged invalid by GoT's " + type);
                }
                if (flag(o, "compared_to_ground_truth", k, where) && flag(o, "problem_solved", k, where)) {
                    t.solved(id, t.text(id), 1.0);
                    firstSolved = firstSolved < 0 ? id : firstSolved;
                }
                if (!thoughts.get(k).isObject() && !thoughts.get(k).isTextual()) {
                    throw new ImportFormatException(w + ": expected a thought state (an object), found "
                            + Json.describe(thoughts.get(k)));
                }
            }
            t.values("GoT scores (as the operation's scoring gave them; lower may be better)", evals);
        }
        int end = firstSolved >= 0 ? firstSolved : bestOp < 0 ? root : bestOp;
        return List.of(new ImportedTree("Graph of Operations, " + ops.size() + " operations",
                t.finish(firstSolved >= 0, firstSolved < 0 ? null : t.text(firstSolved), t.pathTo(end), ops.size()),
                t.size(), byFile, null, prompt, completion, cost));
    }

    private static boolean flag(JsonNode o, String field, int k, String where) throws ImportFormatException {
        JsonNode a = o.get(field);
        if (a == null) {
            return false;
        }
        if (!a.isArray()) {
            throw new ImportFormatException(where + "." + field + ": expected a list, found " + Json.describe(a));
        }
        return a.path(k).asBoolean(false);
    }

    /** A thought's text: its {@code current} field where it has one (GoT's examples keep the working answer there). */
    private static String thoughtText(JsonNode state) {
        if (state.isObject() && state.hasNonNull("current") && !state.get("current").asText().isEmpty()) {
            return Json.asText(state.get("current"), 600);
        }
        return Json.asText(state, 600);
    }

    private static String problemText(List<JsonNode> ops) {
        for (JsonNode o : ops) {
            JsonNode first = o.path("thoughts").path(0);
            if (first.hasNonNull("original")) {
                return Json.asText(first.get("original"), 600);
            }
        }
        return "Graph of Operations";
    }
}
