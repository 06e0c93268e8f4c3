package org.rlmworkbench.runner.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.WrittenStep;

/** Steps a model wrote that the problem rejected: the rejected side of preference pairs, bad PRM steps. */
class InvalidStepsExportTest {

    private static TrainingDataExport.Run run() {
        ReasoningGraph g = new ReasoningGraph();
        g.addRoot("1 2 3", null, false);
        int a = g.addWrittenChild(0, "1 + 2 = 3 (left: 3 3)", null, 0, false, WrittenStep.valid("1 + 2 = 3", 1, 0));
        int bad = g.addWrittenChild(0, "1 + 9 = 10", null, 0, false,
                WrittenStep.invalid("1 + 9 = 10", "9 is not among the numbers", 1, 0));
        int c = g.addWrittenChild(0, "3 - 2 = 1 (left: 1 1)", null, 0, false, WrittenStep.valid("3 - 2 = 1", 1, 0));
        g.setValue(a, 0.3);
        g.setValue(c, 0.2);
        int win = g.addChild(a, "3 * 3 = 9", null, 0, true);
        g.markSolved(win);
        assertThat(g.isInvalid(bad)).isTrue();
        return new TrainingDataExport.Run(List.of(), g);
    }

    @Test
    void anInvalidStepLosesToEveryLegalSiblingRegardlessOfTheMargin() {
        List<ObjectNode> pairs = TrainingDataExport.examples(run(), TrainingFormat.PREFERENCE, ExportOptions.defaults());
        assertThat(pairs).extracting(p -> p.get("chosen").asText() + " > " + p.get("rejected").asText())
                .containsExactly("1 + 2 = 3 (left: 3 3) > 1 + 9 = 10", "3 - 2 = 1 (left: 1 1) > 1 + 9 = 10");
    }

    @Test
    void anInvalidStepIsABadStepOfItsPrmPath() {
        List<ObjectNode> paths = TrainingDataExport.examples(run(), TrainingFormat.PRM, ExportOptions.defaults());
        assertThat(paths).extracting(ObjectNode::toString).containsExactly(
                "{\"prompt\":\"1 2 3\",\"completions\":[\"1 + 9 = 10\"],\"labels\":[false]}",
                "{\"prompt\":\"1 2 3\",\"completions\":[\"3 - 2 = 1 (left: 1 1)\"],\"labels\":[false]}",
                "{\"prompt\":\"1 2 3\",\"completions\":[\"1 + 2 = 3 (left: 3 3)\",\"3 * 3 = 9\"],\"labels\":[true,true]}");
    }
}
