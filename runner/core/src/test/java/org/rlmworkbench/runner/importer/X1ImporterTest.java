package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** x1's mcts_tree_final.json: Node.rec_dict of the root with nested children, plus the search's args. */
class X1ImporterTest {

    private static ObjectNode node(String step, int visits, double q, double qModel, double reward, boolean terminal,
                                   ObjectNode... children) {
        ObjectNode n = Fixtures.JSON.createObjectNode();
        n.put("id", java.util.UUID.nameUUIDFromBytes(step.getBytes()).toString());
        n.put("reasoning_step", step);
        n.putArray("contextual_memory");
        n.putNull("parent");
        n.put("visit_count", visits).put("reward", reward).put("q_value_model", qModel).put("q_value", q);
        n.put("is_terminal", terminal).put("leads_to_terminal", terminal).put("num_simulations", 0).put("alpha", 0);
        n.putNull("simulation_value");
        n.putNull("simulations");
        var kids = n.putArray("children");
        for (ObjectNode c : children) {
            kids.add(c);
        }
        return n;
    }

    private static ObjectNode tree(boolean withGroundTruth) {
        ObjectNode right = node("x = 4", 1, 1.0, 0.7, 1.0, true);
        ObjectNode wrong = node("x = 5", 1, -1.0, 0.2, -1.0, true);
        ObjectNode a = node("Subtract 3 from both sides.", 3, 0.6, 0.5, 0.0, false, right, wrong);
        ObjectNode b = node("Divide by 2 first.", 1, 0.1, 0.1, 0.0, false);
        ObjectNode root = node("Solve 2x + 3 = 11.", 5, 0.4, 0.0, 0.0, false, a, b);
        ObjectNode args = root.putObject("args");
        args.put("question", "Solve 2x + 3 = 11.").put("max_search_iterations", 4);
        args.putArray("reward_range").add(-1).add(1);
        args.put("reward_function", "<not serializable>");
        if (withGroundTruth) {
            args.put("gt_solution", "4");
        }
        return root;
    }

    private static Path write(Path dir, ObjectNode root) throws Exception {
        Path f = dir.resolve("mcts_tree_final.json");
        Files.writeString(f, Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return f;
    }

    @Test
    void theSavedTreeKeepsItsVisitsQValuesAndGradedAnswers(@TempDir Path dir) throws Exception {
        ImportResult r = TreeImport.read(write(dir, tree(true)), null);
        assertThat(r.format()).isEqualTo(TreeFormat.X1);
        ImportedTree t = r.trees().get(0);
        ReasoningGraph g = Fixtures.graph(t.events());

        assertThat(g.size()).isEqualTo(5);
        // pre-order: root, a, right, wrong, b
        assertThat(g.text(2)).isEqualTo("x = 4");
        assertThat(g.parent(4)).isEqualTo(0);
        assertThat(g.visits(0)).isEqualTo(5);
        assertThat(g.q(1)).isEqualTo(0.6, within(1e-9));
        assertThat(g.value(1)).isEqualTo(0.5, within(1e-6));
        assertThat(g.reward(2)).isEqualTo(1.0);
        assertThat(Double.isNaN(g.reward(1))).as("x1 rewards only terminal steps").isTrue();
        assertThat(g.isTerminal(3)).isTrue();
        assertThat(g.isSolved(2)).isTrue();
        assertThat(g.isSolved(3)).isFalse();
        assertThat(t.solvedByFile()).isTrue();
        RunFinished end = (RunFinished) t.events().get(t.events().size() - 1);
        assertThat(end.bestPath()).containsExactly(0, 1, 2);
    }

    @Test
    void withoutGroundTruthTheFileHasNoVerdict(@TempDir Path dir) throws Exception {
        ImportResult r = TreeImport.read(write(dir, tree(false)), TreeFormat.X1);
        assertThat(r.solvedByFile()).isNull();
        List<RunEvent> ev = r.trees().get(0).events();
        assertThat(Fixtures.graph(ev).isSolved(2)).isFalse();
    }

    @Test
    void aChildThatIsNotANodeIsRefused(@TempDir Path dir) throws Exception {
        ObjectNode root = tree(true);
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("children").get(0).get("children")).add(42);
        Path f = write(dir, root);
        assertThatThrownBy(() -> TreeImport.read(f, null)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("root.children[0].children[2]").hasMessageContaining("expected a node object")
                .hasMessageContaining("42");
    }
}
