package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * LLM Reasoners' TreeLog as its TreeLogEncoder writes it: {"logs": [snapshot...]}, nodes and edges
 * as dicts keyed by id, edge data {"Q", "reward", reward details}, one snapshot per MCTS iteration.
 */
class LlmReasonersImporterTest {

    /** One edge of the fixture: MCTS node ids as LLM Reasoners numbers them. */
    private record E(int source, int target, double q, double reward) {
    }

    /** A snapshot with the edges in the order from_mcts_results walks the tree; selected maps node to edge. */
    private static ObjectNode snapshot(List<E> edges, int... selected) {
        ObjectNode s = Fixtures.JSON.createObjectNode();
        ObjectNode nodes = s.putObject("nodes");
        ObjectNode es = s.putObject("edges");
        nodes.putObject("0").put("id", 0).put("convert_images", true).putObject("data").put("blocks_state",
                "the red block is on the table");
        for (int i = 0; i < edges.size(); i++) {
            E e = edges.get(i);
            ObjectNode n = nodes.putObject(Integer.toString(e.target()));
            n.put("id", e.target()).putNull("selected_edge");
            n.put("convert_images", true);
            n.putObject("data").put("blocks_state", "state after node " + e.target());
            ObjectNode edge = es.putObject(Integer.toString(i));
            edge.put("id", i).put("source", e.source()).put("target", e.target()).put("convert_images", true);
            edge.putObject("data").put("Q", e.q()).put("reward", e.reward()).put("intuition", -1.5)
                    .put("action", "move " + e.target());
        }
        for (int k = 0; k + 1 < selected.length; k += 2) {
            ((ObjectNode) nodes.get(Integer.toString(selected[k]))).put("selected_edge", selected[k + 1]);
        }
        return s;
    }

    private static Path write(Path dir, ObjectNode... snapshots) throws Exception {
        ObjectNode log = Fixtures.JSON.createObjectNode();
        ArrayNode logs = log.putArray("logs");
        for (ObjectNode s : snapshots) {
            logs.add(s);
        }
        Path f = dir.resolve("tree_log.json");
        Files.writeString(f, Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log));
        return f;
    }

    @Test
    void everySnapshotIsAnIterationThatAddsItsNewNodesAndUpdatesQ(@TempDir Path dir) throws Exception {
        ObjectNode s1 = snapshot(List.of(new E(0, 1, 0.2, 0.1), new E(0, 2, 0.4, 0.3)), 0, 1);
        ObjectNode s2 = snapshot(List.of(new E(0, 1, 0.2, 0.1), new E(0, 2, 0.6, 0.3), new E(2, 3, 0.9, 0.8)), 0, 1, 2, 2);
        ObjectNode s3 = snapshot(List.of(new E(0, 1, 0.1, 0.1), new E(1, 4, -0.2, -0.5), new E(0, 2, 0.7, 0.3),
                new E(2, 3, 0.95, 0.8)), 0, 2, 2, 3);
        ImportResult r = TreeImport.read(write(dir, s1, s2, s3), null);

        assertThat(r.format()).isEqualTo(TreeFormat.LLM_REASONERS);
        assertThat(r.trees()).hasSize(1);
        List<RunEvent> events = r.trees().get(0).events();
        assertThat(events.stream().filter(e -> e instanceof LoopIteration)).hasSize(3);
        ReasoningGraph g = Fixtures.graph(events);
        assertThat(g.size()).isEqualTo(5);
        // our ids follow the order nodes first appear: 0, 1, 2, then 3 (snapshot 2), then 4 (snapshot 3)
        assertThat(g.text(3)).isEqualTo("move 3");
        assertThat(g.parent(3)).isEqualTo(2);
        assertThat(g.parent(4)).isEqualTo(1);
        assertThat(g.text(0)).isEqualTo("the red block is on the table");
        // the last snapshot's Q and reward are the nodes' value and reward
        assertThat(g.value(1)).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(g.value(2)).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(g.value(4)).isEqualTo(-0.2, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(g.reward(4)).isEqualTo(-0.5, org.assertj.core.api.Assertions.within(1e-6));

        // after the second iteration the tree is as the second snapshot shows it
        int cut = 0;
        int seen = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof LoopIteration && ++seen == 3) {
                cut = i;
            }
        }
        ReasoningGraph mid = Fixtures.graph(events.subList(0, cut));
        assertThat(mid.size()).isEqualTo(4);
        assertThat(mid.value(2)).isEqualTo(0.6, org.assertj.core.api.Assertions.within(1e-6));

        // selections follow selected_edge from the root in each snapshot: 1 + 2 + 2
        List<int[]> sel = new ArrayList<>();
        events.stream().filter(e -> e instanceof NodeSelected).map(e -> (NodeSelected) e)
                .forEach(s -> sel.add(new int[] {s.parent(), s.chosen()}));
        assertThat(sel).containsExactly(new int[] {0, 2}, new int[] {0, 2}, new int[] {2, 3}, new int[] {0, 2},
                new int[] {2, 3});
        assertThat(r.solvedByFile()).isNull();
        assertThat(r.usage().cost()).isNull();
    }

    @Test
    void aSnapshotWithAnEdgeToNowhereIsRefused(@TempDir Path dir) throws Exception {
        ObjectNode s = snapshot(List.of(new E(0, 1, 0.2, 0.1)));
        ((ObjectNode) s.get("edges").get("0")).put("target", 7);
        Path f = write(dir, s);
        assertThatThrownBy(() -> TreeImport.read(f, null)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("logs[0].edges[0]").hasMessageContaining("0 -> 7");
    }
}
