package org.rlmworkbench.runner.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.graph.WrittenStep;
import org.rlmworkbench.runner.model.ScriptedLanguageModel;

class NarratorWrittenStepsTest {

    @Test
    void anInvalidStepIsToldAsTheModelsMistakeInPlainWords() {
        Narrator n = new Narrator();
        n.narrate(new RunStarted("mcts-lm", "game24", "4 9 10 13", 1));
        n.narrate(new NodeAdded(0, -1, 0, "4 9 10 13", "4 9 10 13", 1.0, false));
        String s = n.narrate(new NodeAdded(1, 0, 1, "13 - 4 = 8 (left: 8 9 10)", "4 9 10 13", 0.0, true,
                WrittenStep.invalid("13 - 4 = 8 (left: 8 9 10)", "13 - 4 = 8: the arithmetic is wrong (13 - 4 = 9)", 2, 0)));
        assertThat(s).startsWith("The model proposed '13 - 4 = 8 (left: 8 9 10)': the arithmetic is wrong, 13 - 4 = 9.")
                .contains("2 samples").contains("invalid").endsWith(".");
        assertThat(Narrator.plainReason("oops", "not a step: no equation found")).isEqualTo("not a step: no equation found");
        assertThat(Narrator.plainReason("4 + 5 = 9", "uses 5, which is not among the numbers left (4 9 13)"))
                .isEqualTo("uses 5, which is not among the numbers left, 4 9 13");
    }

    @Test
    void aModelCallIsToldWithItsRoleSizeAndTokens() {
        String s = new Narrator().narrate(new ModelCalled(0, "writer", "lm", List.of(new ModelCalled.Exchange(0, "4 9 10 13",
                ModelCalled.hash("4 9 10 13"), 2, 1.0, 32, 5, List.of(ScriptedLanguageModel.sample("a"),
                ScriptedLanguageModel.sample("b")))), 4, 2, 12.4, 0));
        assertThat(s).isEqualTo("The writer model 'lm' was asked 1 prompt (2 samples) and answered in 12 ms: 4 tokens in, 2 out.");
        // read back from a trace, a call has no latency (traces leave the clock out)
        String replayed = new Narrator().narrate(new ModelCalled(0, "writer", "lm", List.of(), 4, 2, 0, 0));
        assertThat(replayed).isEqualTo("The writer model 'lm' was asked 0 prompts (0 samples) and answered: 4 tokens in, 2 out.");
    }
}
