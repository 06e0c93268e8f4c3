package org.rlmworkbench.problems.countdown;

import java.util.Map;
import org.rlmworkbench.runner.problem.Prompts;

/** Few-shot propose, value and judge prompts for Countdown in the style of Tree-of-Thoughts' Game of 24 prompts. */
final class CountdownPrompts {

    private CountdownPrompts() {
    }

    static final Prompts PROMPTS = new Prompts(
            """
            Use the numbers and basic arithmetic operations (+ - * /) to reach the target after the arrow. \
            Every number must be used exactly once. Each step combines two of the numbers left into one.
            Input: 3 7 12 -> 33
            Possible next steps:
            3 * 7 = 21 (left: 21 12)
            12 - 3 = 9 (left: 9 7)
            7 + 12 = 19 (left: 19 3)
            3 + 7 = 10 (left: 10 12)
            12 / 3 = 4 (left: 4 7)
            Input: 25 4 10 2 -> 120
            Possible next steps:
            25 * 4 = 100 (left: 100 10 2)
            10 * 2 = 20 (left: 20 25 4)
            25 - 10 = 15 (left: 15 4 2)
            4 / 2 = 2 (left: 2 25 10)
            Input: {input}
            Propose {k} possible next steps, one per line.
            Possible next steps:
            """,
            """
            Evaluate if the numbers can reach the target after the arrow, each number used exactly once (sure/likely/impossible)
            21 12 -> 33
            21 + 12 = 33
            sure
            5 6 3 -> 33
            5 * 6 = 30
            30 + 3 = 33
            sure
            100 10 2 -> 120
            100 + 10 * 2 = 120
            sure
            10 12 -> 33
            10 + 12 = 22
            10 * 12 = 120
            12 - 10 = 2
            12 / 10 = 6/5
            impossible
            40 9 3 -> 200
            40 * 9 = 360, too far from 200 with 3 left
            40 * 3 = 120, 120 + 9 = 129
            40 + 9 = 49, 49 * 3 = 147
            the numbers are big enough but none of these work
            likely
            4 7 -> 33
            4 + 7 = 11
            4 * 7 = 28
            7 - 4 = 3
            7 / 4 = 7/4
            impossible
            {input}
            """,
            """
            Use the numbers and basic arithmetic operations (+ - * /) to reach the target after the arrow, \
            every number used exactly once. Given an input and an answer, give a judgement (sure/impossible) \
            whether the answer is correct, i.e. it uses each input number exactly once and reaches the target.
            Input: 3 7 12 -> 33
            Answer: 3 * 7 + 12 = 33
            Judge: sure
            Input: 3 7 12 -> 33
            Answer: 3 * 12 - 3 = 33
            Judge: impossible
            Input: {input}
            Answer: {answer}
            Judge:""",
            Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0));
}
