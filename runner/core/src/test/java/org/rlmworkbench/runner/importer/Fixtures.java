package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/** Shared helpers of the importer tests. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The first Game of 24 puzzle of ToT's GPT-4 BFS log, as ToT's run.py wrote the file after that puzzle. */
    static Path totGpt4Excerpt() {
        try {
            return Path.of(Fixtures.class.getResource(
                    "tot/logs/game24/gpt-4_0.7_propose1_value3_greedy5_start900_end1000.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReasoningGraph graph(List<RunEvent> events) {
        return GraphReplayer.rebuild(events, null);
    }

    static JsonNode read(Path p) throws Exception {
        return JSON.readTree(p.toFile());
    }
}
