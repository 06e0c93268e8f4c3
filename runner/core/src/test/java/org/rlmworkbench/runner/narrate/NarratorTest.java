package org.rlmworkbench.runner.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.toy.SumProblem;

class NarratorTest {

    @Test
    void everyEventGetsOneSentenceAndSelectShowsItsTerms() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        new Interpreter(BuiltinSchemes.load("mcts"), new SumProblem(), Models.problemNative())
                .run("20 3", new RunSettings(2, 20), List.of(events::add), null);
        Narrator n = new Narrator();
        List<String> sentences = events.stream().map(n::narrate).toList();
        assertThat(sentences).hasSameSizeAs(events);
        assertThat(sentences).allSatisfy(s -> {
            assertThat(s).doesNotContain("\n").endsWith(".");
            assertThat(s).doesNotStartWith(events.get(0).getClass().getSimpleName() + "[");
        });
        int i = 0;
        while (!(events.get(i) instanceof NodeSelected ns && ns.parentVisits() > 1)) {
            i++;
        }
        NodeSelected sel = (NodeSelected) events.get(i);
        Candidate c = sel.candidates().stream().filter(x -> x.node() == sel.chosen()).findFirst().orElseThrow();
        String s = sentences.get(i);
        assertThat(s).startsWith("Select (puct) chose #" + sel.chosen())
                .contains(String.format(Locale.ROOT, "score %.3f = Q %.3f + U %.3f", c.score(), c.q(), c.u()))
                .contains(String.format(Locale.ROOT, "= 1.250 × %.3f × √%d / (1 + %d)", c.p(), sel.parentVisits(),
                        c.n()));
        assertThat(sentences.get(sentences.size() - 1)).startsWith("Finished (completed): not solved");
    }
}
