package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/** Game of 24 reading steps written by a model: a corpus of texts, ToT's prompts, gold answers. */
class Game24WrittenStepsTest {

    private final Game24 game = new Game24();

    private record Case(int line, String state, String text, boolean accept, String expected) {
    }

    private static List<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = Game24WrittenStepsTest.class.getResourceAsStream("written-steps.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                assertThat(f).as("line %d", i + 1).hasSize(4);
                out.add(new Case(i + 1, f[0], f[1].replace("\\n", "\n"), f[2].equals("accept"), f[3]));
            }
        }
        return out;
    }

    @Test
    void everyTextOfTheCorpusIsReadAsExpected() throws Exception {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThan(40);
        assertThat(cases).filteredOn(Case::accept).hasSizeGreaterThan(20);
        for (Case c : cases) {
            Game24State state = game.decodeState(c.state());
            StepParse<Game24State> p = game.parseStep(state, c.text());
            assertThat(p.raw()).isEqualTo(c.text());
            if (c.accept()) {
                assertThat(p).as("line %d: '%s' from %s", c.line(), c.text(), c.state())
                        .isInstanceOf(StepParse.Accepted.class);
                Step<Game24State> step = ((StepParse.Accepted<Game24State>) p).step();
                assertThat(step.text()).as("line %d", c.line()).isEqualTo(c.expected());
                // the accepted step is one of the enumerated ones, not a look-alike
                assertThat(game.steps(state)).extracting(Step::text).contains(step.text());
            } else {
                assertThat(p).as("line %d: '%s' from %s", c.line(), c.text(), c.state())
                        .isInstanceOf(StepParse.Rejected.class);
                assertThat(((StepParse.Rejected<Game24State>) p).reason()).as("line %d", c.line())
                        .isEqualTo(c.expected());
            }
        }
    }

    @Test
    void everyEnumeratedStepReadsBackAsItselfFromItsOwnTextAndWithoutTheLeftPart() throws Exception {
        for (String start : List.of("4 9 10 13", "1 1 4 6", "2 2 2 2", "3/2 16 -3", "5 5 5 9")) {
            Game24State state = game.decodeState(start);
            for (Step<Game24State> s : game.steps(state)) {
                for (String written : List.of(s.text(), s.text().substring(0, s.text().indexOf(" (left:")))) {
                    StepParse<Game24State> p = game.parseStep(state, written);
                    assertThat(p).as("'%s' from %s", written, start).isInstanceOf(StepParse.Accepted.class);
                    Step<Game24State> back = ((StepParse.Accepted<Game24State>) p).step();
                    assertThat(back.text()).isEqualTo(s.text());
                    assertThat(game.encodeState(back.next())).isEqualTo(game.encodeState(s.next()));
                }
            }
        }
    }

    @Test
    void theDefaultParserOfTheSpiWouldRejectWhatGame24Accepts() throws Exception {
        // The lenient reading is Game 24's own: the SPI default needs the enumerated text exactly.
        Game24State state = game.parseInstance("4 9 10 13");
        String written = "13-9=4 (left: 10 4 4)";
        assertThat(game.parseStep(state, written)).isInstanceOf(StepParse.Accepted.class);
        StepParse<Game24State> strict = new org.rlmworkbench.runner.problem.Problem<Game24State>() {
            // only what the default parseStep needs
            public String id() { return "x"; }
            public String displayName() { return "x"; }
            public String description() { return "x"; }
            public Game24State parseInstance(String t) { return null; }
            public String sampleInstance() { return ""; }
            public List<Step<Game24State>> steps(Game24State s) { return game.steps(s); }
            public boolean isTerminal(Game24State s) { return s.isTerminal(); }
            public double outcomeReward(Game24State s) { return 0; }
            public String answer(Game24State s) { return ""; }
            public String encodeState(Game24State s) { return s.toString(); }
            public Game24State decodeState(String t) { return null; }
            public org.rlmworkbench.runner.problem.Dataset dataset() { return null; }
        }.parseStep(state, written);
        assertThat(strict).isInstanceOf(StepParse.Rejected.class);
    }

    @Test
    void promptsAreTreeOfThoughtsOwnCharacterForCharacter() throws Exception {
        // SHA-256 of propose_prompt, value_prompt and value_last_step_prompt as Python reads them
        // from princeton-nlp/tree-of-thought-llm prompts/game24.py
        assertThat(sha256(game.prompts().propose()))
                .isEqualTo("2d5e71e7adb9524f5317d973ddfc0200cd238834df9fbfad8c380c431d7def99");
        assertThat(sha256(game.prompts().value()))
                .isEqualTo("1ae3a66b5087d8fdaad696a003468e6d294ee8fd2ed68b4894c8cfb7e6cd3b86");
        assertThat(sha256(game.prompts().judgeAnswer()))
                .isEqualTo("29a1469475c7dcd3f4ab18394a316b135d24c51e9ca5763f35b4d06667c8e7cb");
        Game24State s = game.decodeState("4 4 10");
        assertThat(game.prompts().renderValue(game.promptText(s))).endsWith("impossible\n4 4 10\n");
        assertThat(game.prompts().renderPropose(game.promptText(game.parseInstance("4 9 10 13")), 5))
                .endsWith("Input: 4 9 10 13\nPossible next steps:\n");
        assertThat(game.prompts().renderJudgeAnswer("4 9 10 13", "(13 - 9) * (10 - 4) = 24"))
                .endsWith("Input: 4 9 10 13\nAnswer: (13 - 9) * (10 - 4) = 24\nJudge:");
    }

    @Test
    void valueWordsKeepTotsOrderInsideMinusOneToOne() {
        var w = game.prompts().valueWords();
        assertThat(w).containsOnlyKeys("sure", "likely", "impossible");
        assertThat(w.get("sure")).isEqualTo(1.0);
        assertThat(w.get("likely")).isEqualTo(0.0);
        assertThat(w.get("impossible")).isEqualTo(-1.0);
    }

    @Test
    void goldAnswersSolveTheirInstances() throws Exception {
        assertThat(game.goldAnswer("4 9 10 13")).endsWith(" = 24");
        assertThat(game.goldAnswer("1 1 1 1")).isNull();
        assertThat(game.goldAnswer("not an instance")).isNull();
        List<Instance> test = game.instances(Split.TEST);
        assertThat(test).isNotEmpty();
        for (Instance i : test) {
            assertThat(i.id()).startsWith("game24-test-");
            assertThat(i.gold()).as(i.text()).isNotNull();
            assertThat(evaluatesTo24(i.gold(), i.text())).as("%s: %s", i.text(), i.gold()).isTrue();
        }
    }

    /** Checks a gold expression independently of the solver: the instance's numbers once each, value 24. */
    private static boolean evaluatesTo24(String answer, String instance) {
        String expr = answer.substring(0, answer.indexOf(" = 24"));
        List<Long> used = new ArrayList<>();
        Rational v = new ExpressionReader(expr, used).read();
        List<Long> given = new ArrayList<>();
        for (String t : instance.trim().split("\\s+")) {
            given.add(Long.parseLong(t));
        }
        used.sort(null);
        given.sort(null);
        return v.isInteger(24) && used.equals(given);
    }

    /** A small recursive-descent reader of + - * / and parentheses over whole numbers. */
    private static final class ExpressionReader {
        private final String s;
        private final List<Long> used;
        private int i;

        ExpressionReader(String s, List<Long> used) {
            this.s = s.replace(" ", "");
            this.used = used;
        }

        Rational read() {
            Rational v = sum();
            assertThat(i).as("unread text in %s", s).isEqualTo(s.length());
            return v;
        }

        private Rational sum() {
            Rational v = product();
            while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                char op = s.charAt(i++);
                Rational r = product();
                v = op == '+' ? v.add(r) : v.subtract(r);
            }
            return v;
        }

        private Rational product() {
            Rational v = atom();
            while (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/')) {
                char op = s.charAt(i++);
                Rational r = atom();
                v = op == '*' ? v.multiply(r) : v.divide(r);
            }
            return v;
        }

        private Rational atom() {
            if (s.charAt(i) == '(') {
                i++;
                Rational v = sum();
                i++;
                return v;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            long n = Long.parseLong(s.substring(start, i));
            used.add(n);
            return Rational.of(n);
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
