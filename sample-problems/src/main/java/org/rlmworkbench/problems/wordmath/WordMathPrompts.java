package org.rlmworkbench.problems.wordmath;

import java.util.Map;
import org.rlmworkbench.runner.problem.Prompts;

/** Few-shot prompts in the style of Tree-of-Thoughts, with GSM8K-like one-equation steps. */
final class WordMathPrompts {

    private WordMathPrompts() {
    }

    static final Prompts PROMPTS = new Prompts(
            """
            Solve the word problem step by step. Each step is one sentence with exactly one equation of one operation; \
            the last step says "The answer is N."
            Question: Tom buys 3 pens at $2 each and 4 notebooks at $5 each. How much does Tom spend in total?
            Tom pays 3 × 2 = 6 dollars for the pens.
            Possible next steps:
            He pays 4 × 5 = 20 dollars for the notebooks.
            The notebooks cost 4 × 5 = 20 dollars.
            Question: Ann is 3 times as old as Ben. Ben is 4. How old will Ann be in 5 years?
            Possible next steps:
            Ann is 4 × 3 = 12 years old now.
            Ben is 4, so Ann is 3 × 4 = 12.
            Question: {input}
            Propose {k} possible next steps, one per line.
            Possible next steps:
            """,
            """
            Evaluate whether the steps so far are correct and lead to the answer (sure/likely/impossible).
            Question: Tom buys 3 pens at $2 each and 4 notebooks at $5 each. How much does Tom spend in total?
            Tom pays 3 × 2 = 6 dollars for the pens.
            He pays 4 × 5 = 20 dollars for the notebooks.
            both costs are right and only their sum is missing
            sure
            Question: Ann is 3 times as old as Ben. Ben is 4. How old will Ann be in 5 years?
            Ann is 4 + 3 = 7 years old.
            "3 times as old" means multiply, not add
            impossible
            {input}
            """,
            """
            Given the question and a final answer, judge whether the answer is correct (sure/impossible).
            Question: {input}
            Answer: {answer}
            Judge:""",
            Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0));
}
