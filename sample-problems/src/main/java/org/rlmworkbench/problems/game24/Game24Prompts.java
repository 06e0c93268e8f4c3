package org.rlmworkbench.problems.game24;

import java.util.Map;
import org.rlmworkbench.runner.problem.Prompts;

/**
 * Tree-of-Thoughts' own Game of 24 prompts, copied character for character from
 * princeton-nlp/tree-of-thought-llm, {@code prompts/game24.py} (commit e2db1b6; the same file
 * later moved to {@code src/tot/prompts/game24.py}): the 1-shot propose prompt, the value prompt
 * and the final-answer judge prompt ({@code value_last_step_prompt}). Python's {@code {input}} and
 * {@code {answer}} placeholders are this project's template placeholders too; the propose prompt
 * has no {@code {k}}, so it asks for as many steps as the model writes (as in ToT).
 *
 * <p>Value words: ToT maps the last line of a value answer to 20 ({@code sure}), 1
 * ({@code likely}) and 0.001 ({@code impossible}) and sums over the samples. Here a word's value is
 * {@code ln(w) / ln(20)} clamped to [-1, 1]: sure = +1, likely = 0, impossible = -1 (ln 0.001 /
 * ln 20 = -2.3, clamped), and a state's value is the mean over the samples. The order of the three
 * words is ToT's; where samples disagree the mean can rank states differently from ToT's sum (one
 * {@code sure} and two {@code impossible} sum to 20.002 in ToT, above three {@code likely} at 3; here
 * -1/3 is below 0). The affine map {@code 2 w / 20 - 1} would keep ToT's ranking exactly but would
 * value a {@code likely} state at -0.9, which reads as nearly lost to a search that backs up values.
 */
final class Game24Prompts {

    /** ToT's {@code propose_prompt} (note its {@code 14 /  2} with two spaces, kept as it is). */
    static final String PROPOSE = """
            Input: 2 8 8 14
            Possible next steps:
            2 + 8 = 10 (left: 8 10 14)
            8 / 2 = 4 (left: 4 8 14)
            14 + 2 = 16 (left: 8 8 16)
            2 * 8 = 16 (left: 8 14 16)
            8 - 2 = 6 (left: 6 8 14)
            14 - 8 = 6 (left: 2 6 8)
            14 /  2 = 7 (left: 7 8 8)
            14 - 2 = 12 (left: 8 8 12)
            Input: {input}
            Possible next steps:
            """;

    /** ToT's {@code value_prompt}. */
    static final String VALUE = """
            Evaluate if given numbers can reach 24 (sure/likely/impossible)
            10 14
            10 + 14 = 24
            sure
            11 12
            11 + 12 = 23
            12 - 11 = 1
            11 * 12 = 132
            11 / 12 = 0.91
            impossible
            4 4 10
            4 + 4 + 10 = 8 + 10 = 18
            4 * 10 - 4 = 40 - 4 = 36
            (10 - 4) * 4 = 6 * 4 = 24
            sure
            4 9 11
            9 + 11 + 4 = 20 + 4 = 24
            sure
            5 7 8
            5 + 7 + 8 = 12 + 8 = 20
            (8 - 5) * 7 = 3 * 7 = 21
            I cannot obtain 24 now, but numbers are within a reasonable range
            likely
            5 6 6
            5 + 6 + 6 = 17
            (6 - 5) * 6 = 1 * 6 = 6
            I cannot obtain 24 now, but numbers are within a reasonable range
            likely
            10 10 11
            10 + 10 + 11 = 31
            (11 - 10) * 10 = 10
            10 10 10 are all too big
            impossible
            1 3 3
            1 * 3 * 3 = 9
            (1 + 3) * 3 = 12
            1 3 3 are all too small
            impossible
            {input}
            """;

    /** ToT's {@code value_last_step_prompt}; each {@code Judge: } ends with a space, kept with {@code \s}. */
    static final String JUDGE_ANSWER = """
            Use numbers and basic arithmetic operations (+ - * /) to obtain 24. Given an input and an answer, \
            give a judgement (sure/impossible) if the answer is correct, i.e. it uses each input exactly once \
            and no other numbers, and reach 24.
            Input: 4 4 6 8
            Answer: (4 + 8) * (6 - 4) = 24
            Judge:\s
            sure
            Input: 2 9 10 12
            Answer: 2 * 12 * (10 - 9) = 24
            Judge:\s
            sure
            Input: 4 9 10 13
            Answer: (13 - 9) * (10 - 4) = 24
            Judge:\s
            sure
            Input: 4 4 6 8
            Answer: (4 + 8) * (6 - 4) + 1 = 25
            Judge:\s
            impossible
            Input: 2 9 10 12
            Answer: 2 * (12 - 10) = 24
            Judge:\s
            impossible
            Input: 4 9 10 13
            Answer: (13 - 4) * (10 - 9) = 24
            Judge:\s
            impossible
            Input: {input}
            Answer: {answer}
            Judge:""";

    /** ToT's value words mapped into [-1, 1] as the class comment explains. */
    static final Map<String, Double> VALUE_WORDS = Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0);

    static final Prompts PROMPTS = new Prompts(PROPOSE, VALUE, JUDGE_ANSWER, VALUE_WORDS);

    private Game24Prompts() {
    }
}
