package org.rlmworkbench.problems.prontoqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

class ProntoQaTest {

    private final ProntoQa pq = new ProntoQa();

    private ProntoState play(String instance, String... steps) throws InstanceParseException {
        ProntoState s = pq.parseInstance(instance);
        for (String step : steps) {
            StepParse<ProntoState> p = pq.parseStep(s, step);
            assertThat(p).as(step).isInstanceOf(StepParse.Accepted.class);
            s = ((StepParse.Accepted<ProntoState>) p).step().next();
        }
        return s;
    }

    @Test
    void generatedProblemsHaveTheirHopsAndDistractorsAndAreSettledByTheirGoldProof() throws Exception {
        for (int hops = 1; hops <= 6; hops++) {
            SplittableRandom rng = new SplittableRandom(hops * 11L);
            int trueAnswers = 0;
            for (int k = 0; k < 30; k++) {
                String text = ProntoText.instance(ProntoGenerator.generate(hops, rng));
                ProntoState s = pq.parseInstance(text);
                assertThat(pq.instanceDifficulty(text)).isEqualTo(hops);
                assertThat(s.problem().rules().size()).as(text).isGreaterThanOrEqualTo(2 * hops);
                List<String> proof = pq.goldProof(text);
                assertThat(proof).hasSize(hops + 1);
                ProntoState end = play(text, proof.toArray(String[]::new));
                assertThat(pq.outcomeReward(end)).isEqualTo(1.0);
                assertThat(pq.answer(end)).isEqualTo(pq.goldAnswer(text));
                trueAnswers += pq.goldAnswer(text).equals("True") ? 1 : 0;
            }
            assertThat(trueAnswers).as("hops %d", hops).isBetween(5, 25);
        }
    }

    @Test
    void theSameSeedGivesTheSameProblems() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        SplittableRandom ra = new SplittableRandom(9);
        SplittableRandom rb = new SplittableRandom(9);
        for (int k = 0; k < 10; k++) {
            a.add(ProntoText.instance(ProntoGenerator.generate(4, ra)));
            b.add(ProntoText.instance(ProntoGenerator.generate(4, rb)));
        }
        assertThat(a).isEqualTo(b).doesNotHaveDuplicates();
    }

    @Test
    void theDatasetSpansOneToSixHops() {
        List<Instance> test = pq.instances(Split.TEST);
        assertThat(test).hasSize(60);
        assertThat(pq.dataset().train()).hasSize(360);
        Set<String> all = new HashSet<>(pq.dataset().train());
        all.addAll(pq.dataset().validation());
        all.addAll(test.stream().map(Instance::text).toList());
        assertThat(all).hasSize(480);
        assertThat(test.subList(0, 6)).extracting(Instance::difficulty).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(test).allSatisfy(i -> assertThat(i.gold()).isIn("True", "False"));
    }

    @Test
    void theVerifierChecksTheAnswerAgainstTheRules() throws Exception {
        String sample = pq.sampleInstance();
        assertThat(pq.goldAnswer(sample)).isEqualTo("True");
        ProntoState decided = play(sample, "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
                "Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.",
                "Sally is a dumpus. Each dumpus is not bony. So Sally is not bony.");
        assertThat(pq.steps(decided)).extracting(Step::text).containsSubsequence("So the answer is true.", "So the answer is false.");
        ProntoState right = play(sample, "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
                "Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.",
                "Sally is a dumpus. Each dumpus is not bony. So Sally is not bony.", "So the answer is true.");
        ProntoState wrong = play(sample, "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
                "Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.",
                "Sally is a dumpus. Each dumpus is not bony. So Sally is not bony.", "The answer is false.");
        assertThat(pq.outcomeReward(right)).isEqualTo(1.0);
        assertThat(pq.outcomeReward(wrong)).isEqualTo(-1.0);
        assertThat(pq.heuristicValue(wrong)).isEqualTo(-1.0);
        assertThat(pq.outcomeReward(decided)).isEqualTo(-1.0);
    }

    @Test
    void theProcessRewardWeighsDeductionsOnTheProofAgainstWastedOnes() throws Exception {
        String sample = pq.sampleInstance();
        assertThat(pq.processReward(pq.parseInstance(sample)).getAsDouble()).isEqualTo(0.0);
        assertThat(pq.processReward(play(sample, "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus."))
                .getAsDouble()).isEqualTo(1.0);
        assertThat(pq.processReward(play(sample, "Sally is a wumpus. Every wumpus is a rompus. So Sally is a rompus."))
                .getAsDouble()).isEqualTo(-1.0);
        assertThat(pq.processReward(play(sample, "Sally is a wumpus. Every wumpus is a rompus. So Sally is a rompus.",
                "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.")).getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void statesRoundTripAndAnInvalidDeductionCannotBeDecoded() throws Exception {
        ProntoState s = play(pq.sampleInstance(), "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.");
        assertThat(pq.decodeState(pq.encodeState(s))).isEqualTo(s);
        assertThat(pq.encodeState(s)).endsWith(" || So far: Sally is a yumpus.");
        assertThatThrownBy(() -> pq.decodeState(pq.sampleInstance() + " || So far: Sally is a dumpus."))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("'Sally is a dumpus' does not follow from a rule and the facts known before it");
    }

    @ParameterizedTest(name = "accepts ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.|Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
        "Every wumpus is a yumpus. So Sally is a yumpus.|Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
        "Sally is a wumpus.  Wumpuses are yumpuses.  Therefore, Sally is a yumpus|Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.",
        "Sally is a wumpus. Each wumpus is a rompus. Thus Sally is a rompus.|Sally is a wumpus. Every wumpus is a rompus. So Sally is a rompus.",
    })
    void acceptsDeductionsInManySpellings(String written, String canonical) throws Exception {
        StepParse<ProntoState> p = pq.parseStep(pq.parseInstance(pq.sampleInstance()), written);
        assertThat(p).isInstanceOf(StepParse.Accepted.class);
        assertThat(((StepParse.Accepted<ProntoState>) p).step().text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|not a step: the text is empty",
        "So the answer is true.|cannot answer yet: nothing known so far says whether Sally is not bony",
        "Sally is a wumpus. So Sally is a yumpus.|not a deduction: no rule is used; expected e.g. 'Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.'",
        "Sally is a wumpus. Every wumpus is a dumpus. So Sally is a dumpus.|there is no rule 'Every wumpus is a dumpus' in the problem",
        "Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.|'Sally is a yumpus' is not known yet, and the rule 'Every yumpus is a dumpus' needs it",
        "Sally is a wumpus. Every yumpus is a dumpus. So Sally is a dumpus.|the rule 'Every yumpus is a dumpus' is about yumpuses, but the premise is 'Sally is a wumpus'",
        "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a rompus.|'Sally is a wumpus' and 'Every wumpus is a yumpus' give 'Sally is a yumpus', not 'Sally is a rompus'",
        "Max is a wumpus. Every wumpus is a yumpus. So Max is a yumpus.|the problem is about Sally, not Max",
        "Sally is a wumpus. Every wumpus is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.|a step is one deduction from one rule; this text uses two rules",
        "Sally is very happy today.|cannot read 'Sally is very happy today': expected a deduction like 'Sally is a yumpus. Every yumpus is a dumpus. So Sally is a dumpus.' or 'So the answer is true.'",
    })
    void rejectsWithAReason(String written, String reason) throws Exception {
        StepParse<ProntoState> p = pq.parseStep(pq.parseInstance(pq.sampleInstance()), written);
        assertThat(p).isInstanceOf(StepParse.Rejected.class);
        assertThat(((StepParse.Rejected<ProntoState>) p).reason()).isEqualTo(reason);
    }

    @Test
    void aRepeatedDeductionIsRejected() throws Exception {
        ProntoState s = play(pq.sampleInstance(), "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.");
        StepParse<ProntoState> again = pq.parseStep(s, "Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.");
        assertThat(((StepParse.Rejected<ProntoState>) again).reason()).isEqualTo("'Sally is a yumpus' is already known");
    }

    @Test
    void badInstancesSayWhatIsWrong() {
        assertThatThrownBy(() -> pq.parseInstance("Every wumpus is a yumpus. Sally is a wumpus.")).isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("the last sentence must be the query 'True or false: ...'");
        assertThatThrownBy(() -> pq.parseInstance("Every wumpus is a yumpus. Sally is a wumpus. True or false: Sally is bony."))
                .hasMessageContaining("no chain of rules leads from 'Sally is a wumpus' to whether Sally is bony");
        assertThatThrownBy(() -> pq.parseInstance("Every wumpus is bony. Max is a wumpus. True or false: Sally is bony."))
                .hasMessageContaining("the fact is about Max but the query about Sally");
    }
}
