package org.rlmworkbench.problems.wordmath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.problem.StepParse;

class WordMathTest {

    private final WordMath wm = new WordMath();

    /** A problem with known numbers: the first shopping problem of two operations in the dataset. */
    private WordProblem shopping2() {
        return WordMath.all().values().stream().filter(p -> p.family().equals("shopping") && p.operations() == 2)
                .findFirst().orElseThrow();
    }

    private WordState play(WordState s, String... steps) {
        for (String step : steps) {
            StepParse<WordState> p = wm.parseStep(s, step);
            assertThat(p).as(step).isInstanceOf(StepParse.Accepted.class);
            s = ((StepParse.Accepted<WordState>) p).step().next();
        }
        return s;
    }

    /** The gold solution written as steps, one equation per sentence, then the answer. */
    private static List<String> goldSteps(WordProblem p) {
        List<String> out = new ArrayList<>();
        for (Equation e : p.solution()) {
            out.add("So " + e + ".");
        }
        out.add("The answer is " + p.answer() + ".");
        return out;
    }

    @Test
    void everyGeneratedProblemIsSolvedByItsOwnEquationsWrittenAsSteps() throws Exception {
        for (int ops = 2; ops <= 8; ops++) {
            SplittableRandom rng = new SplittableRandom(ops * 7L);
            Set<String> families = new HashSet<>();
            for (int k = 0; k < 40; k++) {
                WordProblem p = WordMathGenerator.generate(ops, rng);
                families.add(p.family());
                assertThat(p.operations()).isEqualTo(ops);
                assertThat(p.solution()).allSatisfy(e -> assertThat(e.arithmeticRight()).as(e.toString()).isTrue());
                assertThat(p.solution().get(ops - 1).result().isInteger(p.answer())).isTrue();
                assertThat(p.answer()).as(p.text()).isPositive();
                // Every operand is in the text or computed before: the solution reads as accepted steps.
                WordState end = play(new WordState(p, List.of(), null), goldSteps(p).toArray(String[]::new));
                assertThat(wm.outcomeReward(end)).isEqualTo(1.0);
                assertThat(wm.processReward(end).getAsDouble()).isEqualTo(1.0);
            }
            assertThat(families).as("families at %d operations", ops).hasSize(4);
        }
    }

    @Test
    void surfaceFormsVarySoThatNoOneTemplateFits() {
        SplittableRandom rng = new SplittableRandom(1);
        Map<String, Set<String>> openings = new HashMap<>();
        Set<String> questions = new HashSet<>();
        for (int k = 0; k < 400; k++) {
            WordProblem p = WordMathGenerator.generate(2 + k % 7, rng);
            String[] sentences = p.text().split("(?<=[.?]) ");
            String skeleton = sentences[0].replaceAll("\\d+", "N").replaceAll("[A-Z][a-z]+", "X");
            openings.computeIfAbsent(p.family(), f -> new HashSet<>()).add(skeleton);
            questions.add(sentences[sentences.length - 1].replaceAll("\\d+", "N").replaceAll("[A-Z][a-z]+('s)?", "X"));
        }
        assertThat(openings).allSatisfy((family, forms) -> assertThat(forms).as(family).hasSizeGreaterThanOrEqualTo(2));
        assertThat(questions).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theSameSeedGivesTheSameProblemsAndTheDatasetIsGraded() {
        SplittableRandom a = new SplittableRandom(4);
        SplittableRandom b = new SplittableRandom(4);
        for (int k = 0; k < 10; k++) {
            assertThat(WordMathGenerator.generate(5, a)).isEqualTo(WordMathGenerator.generate(5, b));
        }
        List<Instance> test = wm.instances(Split.TEST);
        assertThat(test).hasSize(70);
        assertThat(wm.dataset().train()).hasSize(420);
        assertThat(test.subList(0, 7)).extracting(Instance::difficulty).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
        assertThat(test).allSatisfy(i -> assertThat(Long.parseLong(i.gold())).isEqualTo(wm.problem(i.text()).answer()));
    }

    @Test
    void theVerifierComparesTheFinalNumber() {
        WordProblem p = shopping2();
        WordState start = new WordState(p, List.of(), null);
        assertThat(wm.outcomeReward(play(start, "The answer is " + p.answer() + "."))).isEqualTo(1.0);
        assertThat(wm.outcomeReward(play(start, "#### " + (p.answer() + 1)))).isEqualTo(-1.0);
        assertThat(wm.outcomeReward(start)).isEqualTo(-1.0);
    }

    @Test
    void theProcessRewardChecksArithmeticAndWhetherResultsAreNeeded() {
        WordProblem p = shopping2();
        Equation first = p.solution().get(0);
        WordState start = new WordState(p, List.of(), null);
        WordState needed = play(start, "First, " + first + ".");
        assertThat(wm.processReward(needed).getAsDouble()).isEqualTo(1.0);
        // An operation whose result the solution never uses: the two first numbers added.
        WordState wasted = play(start, "Then " + first.left() + " + " + first.right() + " = "
                + first.left().add(first.right()) + ".");
        assertThat(wm.processReward(wasted).getAsDouble()).isEqualTo(-1.0);
        WordState half = play(needed, "Then " + first.left() + " + " + first.right() + " = " + first.left().add(first.right()) + ".");
        assertThat(wm.processReward(half).getAsDouble()).isEqualTo(0.0);
        // A state with a wrong equation (as a model could write it into a trace) gets -1.
        WordState wrong = start.with(new WordState.WrittenStep("x", new Equation(first.left(), '*', first.right(),
                first.result().add(org.rlmworkbench.problems.game24.Rational.ONE))));
        assertThat(wm.processReward(wrong).getAsDouble()).isEqualTo(-1.0);
    }

    @ParameterizedTest(name = "accepts ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "She pays 4 × 3 = 12 dollars for the pens.",
        "4 * 3 = 12",
        "The pens cost $4 x $3 = $12.",
        "So 12 − 4 = 8 are left.",
        "Half of it is 12 / 2 = 6.",
        "That makes 1,200 + 12 = 1,212 in all.",
    })
    void acceptsOneEquationSentences(String written) {
        WordState s = stateWithNumbers();
        StepParse<WordState> p = wm.parseStep(s, written);
        assertThat(p).isInstanceOf(StepParse.Accepted.class);
        assertThat(((StepParse.Accepted<WordState>) p).step().text()).isEqualTo(written.strip());
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|not a step: the text is empty",
        "She buys the pens first.|a step states exactly one equation, like 'She pays 4 × 3 = 12 dollars for the pens.', or the final answer, like 'The answer is 12.'; this text has no equation",
        "4 * 3 = 12 and 12 + 5 = 17|a step states exactly one equation; this text has 2 ('=' appears 2 times): write one per step",
        "4 * 3 = 13 dollars|4 * 3 = 13: the arithmetic is wrong (4 * 3 = 12)",
        "She spends 4 + 3 + 12 = 19 in all.|the equation '4 + 3 + 12 = 19' has more than one operation; a step does one",
        "7 * 3 = 21|7 is neither in the problem nor the result of an earlier step",
        "12 / 0 = 0|12 / 0 = 0: division by zero",
        "The total is = 12|the equation near 'The total is = 12' is not one operation on two numbers (like '4 × 3 = 12'); a step does one operation",
    })
    void rejectsWithAReason(String written, String reason) {
        StepParse<WordState> p = wm.parseStep(stateWithNumbers(), written);
        assertThat(p).isInstanceOf(StepParse.Rejected.class);
        assertThat(((StepParse.Rejected<WordState>) p).reason()).isEqualTo(reason);
    }

    /** A state whose problem gives 4, 3, 12 and 1200 (written into a custom problem). */
    private static WordState stateWithNumbers() {
        WordProblem p = new WordProblem("Ann buys 4 pens at $3 each and a 1,200 page book for $12. How much?",
                List.of(Equation.of(4, '*', 3, 12), Equation.of(12, '+', 12, 24)), 24, "shopping");
        return new WordState(p, List.of(), null);
    }

    @Test
    void noEnumeratorAndOnlyGeneratedProblems() throws Exception {
        assertThat(wm.enumerable()).isFalse();
        WordState s = wm.parseInstance(wm.sampleInstance());
        assertThatThrownBy(() -> wm.steps(s)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("word-math has no step enumerator");
        assertThatThrownBy(() -> wm.parseInstance("Tom has 3 apples and eats 1. How many are left?"))
                .isInstanceOf(InstanceParseException.class).hasMessageContaining("not one of the generated word problems");
        WordState played = play(s, "So " + s.problem().solution().get(0) + ".");
        assertThat(wm.decodeState(wm.encodeState(played))).isEqualTo(played);
    }

    /** Refine that enumerates alternatives cannot run on a problem without an enumerator: it says which node. */
    @Test
    @SuppressWarnings("unchecked")
    void refineWithEnumeratedAlternativesNamesTheNodeOnAProblemThatCannotListSteps() throws Exception {
        org.rlmworkbench.runner.problem.Problem<Object> p =
                (org.rlmworkbench.runner.problem.Problem<Object>) (org.rlmworkbench.runner.problem.Problem<?>) wm;
        org.rlmworkbench.runner.operator.RunContext ctx = new org.rlmworkbench.runner.operator.RunContext(
                new org.rlmworkbench.runner.graph.ReasoningGraph(), p,
                org.rlmworkbench.runner.model.Models.problemNative(), 1,
                new org.rlmworkbench.runner.operator.EventSink(List.of(), null));
        WordState s = wm.parseInstance(wm.sampleInstance());
        int root = ctx.addRoot(wm.sampleInstance(), s);
        String first = "So " + s.problem().solution().get(0) + ".";
        StepParse.Accepted<WordState> step = (StepParse.Accepted<WordState>) wm.parseStep(s, first);
        int child = ctx.addChild(root, (org.rlmworkbench.runner.problem.Step<Object>) (Object) step.step(), 1.0);
        org.rlmworkbench.runner.operator.Operator refine = org.rlmworkbench.runner.operator.Operator.from(
                new org.rlmworkbench.runner.scheme.SchemeNode("polish", "Refine", Map.of("alternatives", "enumerate")));
        assertThatThrownBy(() -> refine.apply(ctx, new int[] {child}))
                .isInstanceOf(org.rlmworkbench.runner.operator.RunFailedException.class)
                .hasMessageContaining("node 'polish', field params.alternatives")
                .hasMessageContaining("word-math")
                .hasMessageContaining("cannot list its steps");
    }
}
