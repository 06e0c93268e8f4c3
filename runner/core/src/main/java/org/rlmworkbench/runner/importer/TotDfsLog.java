package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.TreeImported;

/**
 * Tree-of-Thoughts' crosswords DFS log ({@code logs/crosswords/infoss_dfs_*.json}, written by its
 * crosswords notebook): a list of puzzles, each the list of DFS steps in the order the search made
 * them, every step with {@code actions} (the whole path of filled clues, e.g. {@code "h2. motor"}),
 * {@code info} ({@code r_letter}, {@code r_word}, and {@code r_game} where logged) and {@code count}
 * (how many remaining clues the model judged sure / maybe / impossible). The tree is the union of
 * the paths; each step's node gets {@code r_letter} as its value (the share of letters right, mapped
 * to [-1, 1]). Visits, Q, priors and tokens are not in the file.
 */
final class TotDfsLog {

    private TotDfsLog() {
    }

    /** Whether the document is a list of puzzles that are lists of DFS steps with 'actions'. */
    static boolean fits(JsonNode d) {
        return d.isArray() && !d.isEmpty() && d.get(0).isArray() && !d.get(0).isEmpty()
                && d.get(0).get(0).isObject() && d.get(0).get(0).has("actions");
    }

    static List<ImportedTree> read(JsonNode d, Path source) throws ImportFormatException {
        List<ImportedTree> trees = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            JsonNode steps = d.get(i);
            String where = source + ": puzzle " + i;
            if (!steps.isArray()) {
                throw new ImportFormatException(where + ": expected a list of DFS steps, found " + Json.describe(steps));
            }
            boolean solved = false;
            TreeEvents t = new TreeEvents("tot-dfs", "crosswords", "crosswords puzzle " + i,
                    new TreeImported("tot", source.toString(), i, null, null, null, null, List.of(
                            "visits", "Q", "priors", "tokens and cost (the DFS log records none)")));
            int root = t.root("crosswords puzzle " + i);
            Map<List<String>, Integer> nodes = new HashMap<>();
            nodes.put(List.of(), root);
            for (int s = 0; s < steps.size(); s++) {
                JsonNode step = steps.get(s);
                String at = where + ", step " + s;
                JsonNode actions = step.path("actions");
                if (!step.isObject() || !actions.isArray()) {
                    throw new ImportFormatException(at + ": expected an object with a list 'actions', found "
                            + Json.describe(step));
                }
                List<String> path = new ArrayList<>();
                int node = root;
                for (JsonNode a : actions) {
                    if (!a.isTextual()) {
                        throw new ImportFormatException(at + ": an action is not text: " + Json.describe(a));
                    }
                    path.add(a.asText());
                    Integer known = nodes.get(path);
                    if (known == null) {
                        known = t.child(node, a.asText(), false);
                        nodes.put(List.copyOf(path), known);
                    }
                    node = known;
                }
                JsonNode info = step.path("info");
                if (info.has("r_letter")) {
                    t.values("ToT crosswords r_letter (as logged)",
                            List.of(new Evaluation(node, 2 * info.get("r_letter").asDouble() - 1, null)));
                }
                if (info.path("r_game").asBoolean(false) || info.path("r_word").asDouble(0) >= 1.0) {
                    if (!solved) {
                        t.solved(node, String.join(", ", path), 1.0);
                    }
                    solved = true;
                }
            }
            int[] best = t.pathTo(t.size() - 1);
            trees.add(new ImportedTree("crosswords puzzle " + i + " (" + steps.size() + " DFS steps)",
                    t.finish(solved, null, best, steps.size()), t.size(), solved, null,
                    null, null, null));
        }
        return trees;
    }
}
