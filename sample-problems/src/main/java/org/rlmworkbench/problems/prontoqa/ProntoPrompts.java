package org.rlmworkbench.problems.prontoqa;

import java.util.Map;
import org.rlmworkbench.runner.problem.Prompts;

/** Few-shot prompts in the style of Tree-of-Thoughts, with ProntoQA's one-deduction-per-step chains of thought. */
final class ProntoPrompts {

    private ProntoPrompts() {
    }

    static final Prompts PROMPTS = new Prompts(
            """
            Given the rules and the fact, decide whether the statement after "True or false:" is true or false. \
            Each step makes one deduction from a known fact and one rule, written "<fact>. <rule>. So <new fact>."; \
            once the known facts settle the statement, the step "So the answer is true." or "So the answer is false." ends the proof.
            Input: Every jompus is not hot. Every wumpus is a jompus. Each zumpus is hot. Max is a wumpus. True or false: Max is hot.
            Known: Max is a wumpus.
            Possible next steps:
            Max is a wumpus. Every wumpus is a jompus. So Max is a jompus.
            Input: Every jompus is not hot. Every wumpus is a jompus. Each zumpus is hot. Max is a wumpus. True or false: Max is hot.
            Known: Max is a wumpus. Max is a jompus. Max is not hot.
            Possible next steps:
            So the answer is false.
            Input: {input}
            Propose {k} possible next steps, one per line.
            Possible next steps:
            """,
            """
            Evaluate whether the deductions so far lead towards settling the statement (sure/likely/impossible).
            Every jompus is not hot. Every wumpus is a jompus. Each zumpus is hot. Max is a wumpus. True or false: Max is hot.
            Known: Max is a wumpus. Max is a jompus.
            the rule about jompuses settles whether Max is hot in one more step
            sure
            Every jompus is not hot. Every wumpus is a jompus. Every wumpus is a rompus. Rompuses are shy. Max is a wumpus. True or false: Max is hot.
            Known: Max is a wumpus. Max is a rompus. Max is shy.
            shyness says nothing about heat; the jompus rule is still unused
            likely
            {input}
            """,
            """
            Given the problem and an answer, judge whether the answer is correct (sure/impossible).
            Problem: {input}
            Answer: {answer}
            Judge:""",
            Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0));
}
