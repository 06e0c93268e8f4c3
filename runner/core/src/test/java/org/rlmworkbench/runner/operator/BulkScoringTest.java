package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;
import org.rlmworkbench.runner.operator.selection.PriorFreePuctSelection;
import org.rlmworkbench.runner.operator.selection.PuctSelection;
import org.rlmworkbench.runner.operator.selection.SelectionRule;
import org.rlmworkbench.runner.operator.selection.UctSelection;

/** Select scores children in columns; the numbers must be those of the one-by-one rules, bit for bit. */
class BulkScoringTest {

    @Test
    void bulkScoresEqualOneByOneScoresBitForBit() {
        SplittableRandom rng = new SplittableRandom(42);
        for (SelectionRule rule : List.of(new UctSelection(1.414), new PuctSelection(1.5),
                new PriorFreePuctSelection(1.25, 19652))) {
            for (int round = 0; round < 200; round++) {
                int size = 1 + rng.nextInt(40);
                int parentVisits = rng.nextInt(5000);
                List<Candidate> expected = new ArrayList<>();
                CandidateList.Builder rows = new CandidateList.Builder(size);
                double term = rule.parentTerm(parentVisits);
                for (int i = 0; i < size; i++) {
                    int visits = rng.nextInt(4) == 0 ? 0 : rng.nextInt(parentVisits + 1);
                    double q = rng.nextDouble(-1, 1);
                    double prior = (float) rng.nextDouble();
                    expected.add(rule.score(100 + i, q, prior, visits, parentVisits));
                    rule.scoreInto(rows, i, 100 + i, q, prior, visits, parentVisits, term);
                }
                CandidateList got = rows.build();
                // record equality compares doubles by their bits (Double.compare)
                assertThat(got).as(rule.name()).isEqualTo(expected);
                assertThat(expected).isEqualTo(got);
                assertThat(got.hashCode()).isEqualTo(expected.hashCode());
                for (int i = 0; i < size; i++) {
                    assertThat(got.score(i)).isEqualTo(expected.get(i).score());
                    assertThat(got.node(i)).isEqualTo(expected.get(i).node());
                }
            }
        }
    }

    @Test
    void aBuiltListCannotChange() {
        CandidateList.Builder rows = new CandidateList.Builder(1).set(0, 3, 0.5, 0.25, 2, 0.1, 0.6);
        CandidateList list = rows.build();
        assertThatThrownBy(() -> rows.set(0, 4, 0, 0, 0, 0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(rows::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list).containsExactly(new Candidate(3, 0.5, 0.25, 2, 0.1, 0.6));
    }
}
