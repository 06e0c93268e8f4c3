package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.TreeImported;

/**
 * Tree-of-Thoughts logs as {@code run.py} writes them ({@code logs/<task>/*.json}): a list of
 * puzzles. A BFS log's puzzle has {@code steps}, each with the frontier {@code ys}, the proposals
 * {@code new_ys} (each a frontier entry plus one more line), their {@code values} and the chosen
 * {@code select_new_ys}; every puzzle has the final {@code ys}, their {@code infos} (ToT's own check,
 * {@code r}) and {@code usage_so_far}, a running total over the whole run. A naive (IO or CoT)
 * log has no steps and becomes a fan of samples under the puzzle.
 */
final class TotImporter implements TreeImporter {
    private static final Set<String> TASKS = Set.of("game24", "text", "crosswords");
    private static final Pattern EVALUATE = Pattern.compile("_(value|vote)(\\d+)_");
    private static final Pattern GAME24 = Pattern.compile("\\s*\\d+(\\s+\\d+){3}\\s*");

    @Override
    public TreeFormat format() {
        return TreeFormat.TOT;
    }

    @Override
    public boolean fits(JsonNode d) {
        if (TotDfsLog.fits(d)) {
            return true;
        }
        if (!d.isArray() || d.isEmpty() || !d.get(0).isObject()) {
            return false;
        }
        JsonNode p = d.get(0);
        return p.has("ys") && (p.has("infos") || p.has("steps") || p.has("usage_so_far"));
    }

    @Override
    public String expected() {
        return "tot: a list of puzzles, each an object with 'ys', 'infos' and 'usage_so_far' (and 'steps' of"
                + " 'x', 'ys', 'new_ys', 'values', 'select_new_ys' in a BFS log), or a crosswords DFS log: a list"
                + " of puzzles, each a list of steps with 'actions', 'info' and 'count'";
    }

    @Override
    public List<ImportedTree> read(JsonNode d, Path source) throws ImportFormatException {
        if (TotDfsLog.fits(d)) {
            return TotDfsLog.read(d, source);
        }
        String name = source.getFileName().toString();
        String task = task(d, source);
        Optional<ExpressionVerifier> verifier = ExpressionVerifier.forTask(task);
        Map<Integer, String> puzzles = "game24".equals(task) ? puzzleTable(source) : Map.of();
        Matcher ev = EVALUATE.matcher(name);
        String valueSource = ev.find() ? "ToT " + ev.group(1) + " prompt, " + ev.group(2) + " samples (as logged)"
                : "ToT evaluator (as logged)";
        List<ImportedTree> trees = new ArrayList<>();
        double[] before = {0, 0, 0};
        for (int i = 0; i < d.size(); i++) {
            JsonNode p = d.get(i);
            String where = source + ": puzzle " + i;
            if (!p.isObject()) {
                throw new ImportFormatException(where + ": expected an object, found " + Json.describe(p));
            }
            double[] usage = usage(p, where);
            Long prompt = null;
            Long completion = null;
            Double cost = null;
            if (usage != null) {
                // usage_so_far is a running total; a drop means a new run was appended, counted from zero
                boolean reset = usage[0] < before[0] || usage[1] < before[1] || usage[2] < before[2] - 1e-9;
                double[] base = reset ? new double[3] : before;
                completion = Math.round(usage[0] - base[0]);
                prompt = Math.round(usage[1] - base[1]);
                cost = usage[2] - base[2];
                before = usage;
            }
            trees.add(p.has("steps") && !p.get("steps").isEmpty()
                    ? bfs(p, i, where, source, task, verifier, valueSource, prompt, completion, cost)
                    : naive(p, i, where, source, task, verifier, puzzles, prompt, completion, cost));
        }
        return trees;
    }

    /** The task from the log's folder ({@code logs/game24/...}), else game24 when every input is four numbers. */
    private static String task(JsonNode d, Path source) {
        Path dir = source.toAbsolutePath().getParent();
        if (dir != null && TASKS.contains(dir.getFileName().toString())) {
            return dir.getFileName().toString();
        }
        boolean allFour = d.size() > 0;
        for (JsonNode p : d) {
            JsonNode x = p.path("steps").path(0).path("x");
            allFour &= x.isTextual() && GAME24.matcher(x.asText()).matches();
        }
        return allFour ? "game24" : "unknown";
    }

    /**
     * Naive logs keep only the puzzle's index into ToT's {@code data/24/24.csv}; where that file lies
     * as in ToT's repository (or an excerpt with the same columns), index i is the row of rank i + 1.
     */
    private static Map<Integer, String> puzzleTable(Path source) {
        Path logs = source.toAbsolutePath().getParent();
        Path repo = logs == null || logs.getParent() == null ? null : logs.getParent().getParent();
        if (repo == null) {
            return Map.of();
        }
        for (Path csv : List.of(repo.resolve("data/24/24.csv"), repo.resolve("src/tot/data/24/24.csv"),
                logs.resolve("24.csv"))) {
            if (Files.isRegularFile(csv)) {
                try {
                    Map<Integer, String> m = new HashMap<>();
                    List<String> lines = Files.readAllLines(csv);
                    for (String line : lines.subList(1, lines.size())) {
                        String[] f = line.split(",");
                        if (f.length >= 2 && f[0].strip().matches("\\d+")) {
                            m.put(Integer.parseInt(f[0].strip()) - 1, f[1].strip());
                        }
                    }
                    return m;
                } catch (IOException | RuntimeException e) {
                    return Map.of();
                }
            }
        }
        return Map.of();
    }

    /** {completion, prompt, cost} of usage_so_far, or null when the puzzle has none. */
    private static double[] usage(JsonNode p, String where) throws ImportFormatException {
        JsonNode u = p.get("usage_so_far");
        if (u == null || u.isNull()) {
            return null;
        }
        if (!u.isObject()) {
            throw new ImportFormatException(where + ".usage_so_far: expected an object with completion_tokens,"
                    + " prompt_tokens and cost, found " + Json.describe(u));
        }
        return new double[] {Json.number(Json.field(u, "completion_tokens", where + ".usage_so_far"),
                where + ".usage_so_far.completion_tokens"),
            Json.number(Json.field(u, "prompt_tokens", where + ".usage_so_far"), where + ".usage_so_far.prompt_tokens"),
            Json.number(Json.field(u, "cost", where + ".usage_so_far"), where + ".usage_so_far.cost")};
    }

    private static List<String> strings(JsonNode obj, String field, String where) throws ImportFormatException {
        JsonNode a = Json.array(obj, field, where);
        List<String> out = new ArrayList<>(a.size());
        for (int k = 0; k < a.size(); k++) {
            out.add(Json.text(a.get(k), where + "." + field + "[" + k + "]"));
        }
        return out;
    }

    /** ToT's own check of output k: {@code r} (or a crosswords {@code r_game}); NaN when absent. */
    private static double r(JsonNode infos, int k, String where) throws ImportFormatException {
        JsonNode info = infos.get(k);
        if (info == null || !info.isObject()) {
            return Double.NaN;
        }
        JsonNode r = info.has("r") ? info.get("r") : info.get("r_game");
        return Json.numberOrNaN(r, where + ".infos[" + k + "]");
    }

    private static String label(JsonNode p, int i, String x) {
        String idx = p.has("idx") ? "puzzle " + p.get("idx").asText() : "puzzle #" + i;
        String oneLine = x.replace('\n', ' ');
        return idx + ": " + (oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine);
    }

    private static List<String> missing(boolean bfs) {
        List<String> m = new ArrayList<>(List.of("visit counts and Q (ToT's BFS keeps none)",
                "priors", "tokens and cost per node (only a running total per puzzle)"));
        if (!bfs) {
            m.add("values (naive logs are not evaluated)");
        }
        return m;
    }

    private ImportedTree bfs(JsonNode p, int i, String where, Path source, String task,
                             Optional<ExpressionVerifier> verifier, String valueSource,
                             Long prompt, Long completion, Double cost) throws ImportFormatException {
        JsonNode steps = p.get("steps");
        if (!steps.isArray()) {
            throw new ImportFormatException(where + ".steps: expected a list, found " + Json.describe(steps));
        }
        String x = Json.text(Json.field(steps.get(0), "x", where + ".steps[0]"), where + ".steps[0].x");
        JsonNode infos = p.path("infos");
        List<String> finalYs = strings(p, "ys", where);
        Boolean byFile = "game24".equals(task) ? anySolved(infos, finalYs.size(), where) : null;
        TreeEvents t = new TreeEvents("Tree-of-Thoughts BFS (imported)", task, x,
                new TreeImported("tot", source.toString(), i, prompt, completion, cost, byFile, missing(true)));
        int root = t.root(x);
        List<String> frontier = List.of("");
        List<Integer> frontierNodes = List.of(root);
        Map<Integer, Double> value = new HashMap<>();
        Map<Integer, String> full = new HashMap<>();
        for (int s = 0; s < steps.size(); s++) {
            String w = where + ".steps[" + s + "]";
            JsonNode step = steps.get(s);
            List<String> ys = strings(step, "ys", w);
            if (!ys.equals(frontier)) {
                throw new ImportFormatException(w + ".ys: expected the " + frontier.size()
                        + " outputs selected by the step before, found " + ys.size() + " that differ");
            }
            List<String> newYs = strings(step, "new_ys", w);
            JsonNode values = Json.array(step, "values", w);
            if (values.size() != newYs.size()) {
                throw new ImportFormatException(w + ".values: expected " + newYs.size() + " values (one per new_ys),"
                        + " found " + values.size());
            }
            t.iteration("bfs", s + 1, steps.size());
            boolean last = s == steps.size() - 1;
            List<Integer> added = new ArrayList<>();
            List<Evaluation> evals = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            int owner = 0;
            for (int k = 0; k < newYs.size(); k++) {
                String y = newYs.get(k);
                owner = owner(ys, y, owner);
                if (owner < 0) {
                    throw new ImportFormatException(w + ".new_ys[" + k + "]: expected an entry of ys followed by"
                            + " one more step, found text that continues none of them");
                }
                String text = y.substring(ys.get(owner).length()).strip();
                int id = t.child(frontierNodes.get(owner), text, last);
                double v = Json.number(values.get(k), w + ".values[" + k + "]");
                added.add(id);
                value.put(id, v);
                full.put(id, y);
                evals.add(new Evaluation(id, v, null));
                candidates.add(new Candidate(id, v, 0, 0, 0, v));
            }
            t.values(valueSource, evals);
            List<String> selected = strings(step, "select_new_ys", w);
            List<Integer> chosen = new ArrayList<>();
            Set<Integer> taken = new HashSet<>();
            for (int k = 0; k < selected.size(); k++) {
                int id = pick(added, full, value, taken, chosen, selected.get(k));
                if (id < 0) {
                    throw new ImportFormatException(w + ".select_new_ys[" + k + "]: expected one of new_ys, found"
                            + " text that is none of them");
                }
                taken.add(id);
                chosen.add(id);
                t.selected(-1, id, "tot-bfs", candidates);
            }
            for (int id : added) {
                if (!taken.contains(id)) {
                    t.pruned(id, "not selected by ToT's BFS at step " + s);
                }
            }
            frontier = selected;
            frontierNodes = chosen;
        }
        if (finalYs.size() != frontierNodes.size()) {
            throw new ImportFormatException(where + ".ys: expected the " + frontierNodes.size()
                    + " outputs of the last step, found " + finalYs.size());
        }
        return finish(t, p, i, x, infos, finalYs, frontierNodes, value, task, verifier, byFile, prompt, completion,
                cost, steps.size());
    }

    private static Boolean anySolved(JsonNode infos, int n, String where) throws ImportFormatException {
        boolean any = false;
        for (int k = 0; k < n; k++) {
            any |= r(infos, k, where) == 1.0;
        }
        return any;
    }

    /** The entry of ys that {@code y} continues, searching from the last owner on (new_ys is grouped by owner). */
    private static int owner(List<String> ys, String y, int from) {
        for (int j = from; j < ys.size(); j++) {
            if (y.startsWith(ys.get(j))) {
                return j;
            }
        }
        for (int j = 0; j < from; j++) {
            if (y.startsWith(ys.get(j))) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The node ToT selected for this text: among the new nodes with the text, the best-valued one not
     * yet taken (ToT's greedy sort is stable, and a duplicate proposal is valued 0); when all are
     * taken (sampling with replacement), the one taken before.
     */
    private static int pick(List<Integer> added, Map<Integer, String> full, Map<Integer, Double> value,
                            Set<Integer> taken, List<Integer> chosen, String text) {
        int best = -1;
        for (int id : added) {
            if (full.get(id).equals(text) && !taken.contains(id) && (best < 0 || value.get(id) > value.get(best))) {
                best = id;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int id : chosen) {
            if (full.get(id).equals(text)) {
                return id;
            }
        }
        return -1;
    }

    private ImportedTree naive(JsonNode p, int i, String where, Path source, String task,
                               Optional<ExpressionVerifier> verifier, Map<Integer, String> puzzles,
                               Long prompt, Long completion, Double cost) throws ImportFormatException {
        List<String> ys = strings(p, "ys", where);
        JsonNode infos = p.path("infos");
        Integer idx = p.path("idx").isInt() ? p.get("idx").asInt() : null;
        String x = idx != null && puzzles.containsKey(idx) ? puzzles.get(idx) : null;
        Boolean byFile = "game24".equals(task) ? anySolved(infos, ys.size(), where) : null;
        List<String> missing = missing(false);
        if (x == null && "game24".equals(task)) {
            missing.add("the puzzle (a naive log keeps only its index into ToT's data/24/24.csv; with that file"
                    + " beside the logs as in ToT's repository the answers are verified)");
        }
        String shown = x != null ? x : idx != null ? "ToT puzzle index " + idx : "puzzle #" + i;
        TreeEvents t = new TreeEvents("Tree-of-Thoughts naive sampling (imported)", task, shown,
                new TreeImported("tot", source.toString(), i, prompt, completion, cost, byFile, missing));
        int root = t.root(shown);
        t.iteration("samples", 1, 1);
        List<Integer> nodes = new ArrayList<>();
        Map<Integer, Double> value = new HashMap<>();
        for (String y : ys) {
            int id = t.child(root, y.strip(), true);
            nodes.add(id);
            value.put(id, Double.NaN);
        }
        return finish(t, p, i, shown, infos, ys, nodes, value, task, x == null ? Optional.empty() : verifier,
                byFile, prompt, completion, cost, 1);
    }

    /** Rewards from the file's infos, the verifier's verdicts, solutions and the summary line. */
    private ImportedTree finish(TreeEvents t, JsonNode p, int i, String x, JsonNode infos, List<String> outputs,
                                List<Integer> nodes, Map<Integer, Double> value, String task,
                                Optional<ExpressionVerifier> verifier, Boolean byFile, Long prompt, Long completion,
                                Double cost, int iterations) throws ImportFormatException {
        String where = "puzzle " + i;
        List<Evaluation> rewards = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            double r = r(infos, k, where);
            if (!Double.isNaN(r)) {
                rewards.add(new Evaluation(nodes.get(k), value.get(nodes.get(k)), r));
            }
        }
        t.values("ToT's own check of the final outputs (infos r)", rewards);
        Boolean byVerifier = verifier.isPresent() ? Boolean.FALSE : null;
        int firstSolved = -1;
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < nodes.size(); k++) {
            int id = nodes.get(k);
            boolean solved;
            if (verifier.isPresent()) {
                solved = verifier.get().verify(x, outputs.get(k));
                byVerifier = byVerifier || solved;
            } else {
                solved = r(infos, k, where) == 1.0 && "game24".equals(task);
            }
            if (solved && seen.add(id)) {
                String[] lines = outputs.get(k).strip().split("\n");
                t.solved(id, lines[lines.length - 1].replaceFirst("^(?i)answer:\\s*", ""), 1.0);
                firstSolved = firstSolved < 0 ? id : firstSolved;
            }
        }
        int best = firstSolved;
        if (best < 0 && !nodes.isEmpty()) {
            best = nodes.get(0);
        }
        String answer = firstSolved < 0 ? null : t.text(firstSolved);
        List<org.rlmworkbench.runner.event.RunEvent> events = t.finish(firstSolved >= 0, answer,
                best < 0 ? new int[0] : t.pathTo(best), iterations);
        return new ImportedTree(label(p, i, x), events, t.size(), byFile, byVerifier, prompt, completion, cost);
    }
}
