package org.rlmworkbench.problems.blocksworld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.problem.InstanceParseException;

/**
 * States and goals in PlanBench's words. Facts come in PlanBench's order (its
 * {@code parse_problem} sorts atoms by predicate, then by object letter: clear, handempty, on,
 * ontable), joined by commas with "and" before the last, e.g. "As initial conditions I have
 * that, the red block is clear, the hand is empty, the red block is on top of the blue block
 * and the blue block is on the table. My goal is to have that the blue block is on top of the
 * red block." A held block is "the hand is holding the red block" (LLM Reasoners' wording).
 * PlanBench puts a line break before "My goal"; a space is used here so that an instance is one
 * line of an instances file; any white space is read.
 */
final class BlocksText {

    static final String INITIAL = "As initial conditions I have that, ";
    static final String CURRENT = "I have that, ";
    static final String GOAL = "My goal is to have that ";

    private static final Pattern CLEAR = Pattern.compile("the (\\w+) block is clear");
    private static final Pattern EMPTY = Pattern.compile("the hand is empty");
    private static final Pattern HOLDING = Pattern.compile("the hand is holding the (\\w+) block");
    private static final Pattern ON = Pattern.compile("the (\\w+) block is on top of the (\\w+) block");
    private static final Pattern TABLE = Pattern.compile("the (\\w+) block is on the table");
    private static final Pattern STEPS = Pattern.compile("steps taken: (\\d+) of (\\d+)\\.?");

    private BlocksText() {
    }

    static String join(List<String> facts) {
        if (facts.size() == 1) {
            return facts.get(0);
        }
        return String.join(", ", facts.subList(0, facts.size() - 1)) + " and " + facts.get(facts.size() - 1);
    }

    static List<String> facts(BlocksState s) {
        List<String> out = new ArrayList<>();
        byte[] below = s.below();
        for (int b = 0; b < below.length; b++) {
            if (s.clear(b)) {
                out.add(BlocksState.name(b) + " is clear");
            }
        }
        int h = s.holding();
        out.add(h < 0 ? "the hand is empty" : "the hand is holding " + BlocksState.name(h));
        for (int b = 0; b < below.length; b++) {
            if (below[b] >= 0) {
                out.add(BlocksState.name(b) + " is on top of " + BlocksState.name(below[b]));
            }
        }
        for (int b = 0; b < below.length; b++) {
            if (below[b] == BlocksState.TABLE) {
                out.add(BlocksState.name(b) + " is on the table");
            }
        }
        return out;
    }

    static String goal(byte[] goal) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < goal.length; b++) {
            if (goal[b] >= 0) {
                out.add(BlocksState.name(b) + " is on top of " + BlocksState.name(goal[b]));
            }
        }
        for (int b = 0; b < goal.length; b++) {
            if (goal[b] == BlocksState.TABLE) {
                out.add(BlocksState.name(b) + " is on the table");
            }
        }
        return join(out);
    }

    /** The instance text of a starting state. */
    static String instance(BlocksState s) {
        return INITIAL + join(facts(s)) + ". " + GOAL + goal(s.goal()) + ".";
    }

    /** The current facts and the goal, as a prompt shows them. */
    static String prompt(BlocksState s) {
        return CURRENT + join(facts(s)) + ". " + GOAL + goal(s.goal()) + ".";
    }

    /** The encoded state: {@link #prompt} and the steps taken of the steps allowed. */
    static String state(BlocksState s) {
        return prompt(s) + " Steps taken: " + s.steps() + " of " + s.limit() + ".";
    }

    /** Reads an instance or an encoded state; without "Steps taken" the limit is {@code limitFor(optimal)}. */
    static BlocksState parse(String text) throws InstanceParseException {
        if (text == null || text.isBlank()) {
            throw new InstanceParseException("the text is empty; " + EXPECTED);
        }
        String t = text.strip().replaceAll("\\s+", " ").replace("[STATEMENT] ", "");
        String lower = t.toLowerCase(Locale.ROOT);
        int start;
        if (lower.startsWith(INITIAL.toLowerCase(Locale.ROOT))) {
            start = INITIAL.length();
        } else if (lower.startsWith(CURRENT.toLowerCase(Locale.ROOT))) {
            start = CURRENT.length();
        } else {
            throw new InstanceParseException("the text must start with 'As initial conditions I have that,'; " + EXPECTED);
        }
        int goalAt = lower.indexOf(GOAL.toLowerCase(Locale.ROOT));
        if (goalAt < 0) {
            throw new InstanceParseException("no 'My goal is to have that' in the text; " + EXPECTED);
        }
        String init = stripDot(t.substring(start, goalAt));
        String rest = lower.substring(goalAt + GOAL.length());
        int steps = 0;
        int limit = -1;
        Matcher sm = STEPS.matcher(rest);
        if (sm.find()) {
            steps = Integer.parseInt(sm.group(1));
            limit = Integer.parseInt(sm.group(2));
            rest = rest.substring(0, sm.start());
            if (steps > limit) {
                throw new InstanceParseException("steps taken " + steps + " exceed the steps allowed " + limit);
            }
        }
        List<String> initFacts = split(init.toLowerCase(Locale.ROOT));
        List<String> goalFacts = split(stripDot(rest.strip()));
        int n = blockCount(initFacts, goalFacts);
        byte[] below = new byte[n];
        Arrays.fill(below, (byte) -9);
        boolean handEmpty = false;
        List<Integer> saidClear = new ArrayList<>();
        for (String f : initFacts) {
            Matcher m;
            if ((m = CLEAR.matcher(f)).matches()) {
                saidClear.add(block(m.group(1), f));
            } else if (EMPTY.matcher(f).matches()) {
                handEmpty = true;
            } else if ((m = HOLDING.matcher(f)).matches()) {
                place(below, block(m.group(1), f), BlocksState.HAND, f);
            } else if ((m = ON.matcher(f)).matches()) {
                place(below, block(m.group(1), f), (byte) block(m.group(2), f), f);
            } else if ((m = TABLE.matcher(f)).matches()) {
                place(below, block(m.group(1), f), BlocksState.TABLE, f);
            } else {
                throw new InstanceParseException("cannot read the condition '" + f + "'; " + FACTS);
            }
        }
        for (int b = 0; b < n; b++) {
            if (below[b] == -9) {
                throw new InstanceParseException("the initial conditions do not say where " + BlocksState.name(b)
                        + " is (on the table, on top of another block, or in the hand)");
            }
        }
        int held = 0;
        for (byte b : below) {
            held += b == BlocksState.HAND ? 1 : 0;
        }
        if (handEmpty && held > 0) {
            throw new InstanceParseException("the hand is said to be empty and to hold a block");
        }
        checkNoCycle(below, "initial conditions");
        BlocksState probe = new BlocksState(below, new byte[n], 0, 0);
        for (int b : saidClear) {
            if (!probe.clear(b)) {
                throw new InstanceParseException("the text says " + BlocksState.name(b)
                        + " is clear, but " + (below[b] == BlocksState.HAND ? "it is in the hand" : "a block is on top of it"));
            }
        }
        byte[] goal = new byte[n];
        Arrays.fill(goal, BlocksState.FREE);
        for (String f : goalFacts) {
            Matcher m;
            if ((m = ON.matcher(f)).matches()) {
                int a = block(m.group(1), f);
                int b = block(m.group(2), f);
                if (a == b) {
                    throw new InstanceParseException("the goal '" + f + "' puts a block on top of itself");
                }
                setGoal(goal, a, (byte) b, f);
            } else if ((m = TABLE.matcher(f)).matches()) {
                setGoal(goal, block(m.group(1), f), BlocksState.TABLE, f);
            } else {
                throw new InstanceParseException("cannot read the goal '" + f
                        + "': a goal says which block is on top of which, or which is on the table");
            }
        }
        for (int b = 0; b < n; b++) {
            for (int c = b + 1; c < n; c++) {
                if (goal[b] >= 0 && goal[b] == goal[c]) {
                    throw new InstanceParseException("the goal puts both " + BlocksState.name(b) + " and "
                            + BlocksState.name(c) + " on top of " + BlocksState.name(goal[b]));
                }
            }
        }
        checkNoCycle(goal, "goal");
        if (limit < 0) {
            int optimal = BlocksDistances.table(goal)[BlocksState.code(below)];
            limit = limitFor(optimal);
        }
        return new BlocksState(below, goal, steps, limit);
    }

    /** Actions allowed for an instance whose optimal plan takes {@code optimal}: twice that, at least 4. */
    static int limitFor(int optimal) {
        return Math.max(4, 2 * optimal);
    }

    private static final String EXPECTED = "expected PlanBench's wording, e.g. 'As initial conditions I have that, "
            + "the red block is clear, the hand is empty, the red block is on top of the blue block and the blue block "
            + "is on the table. My goal is to have that the blue block is on top of the red block.'";
    private static final String FACTS = "conditions read 'the red block is clear', 'the hand is empty', "
            + "'the hand is holding the red block', 'the red block is on top of the blue block' or "
            + "'the red block is on the table'";

    private static String stripDot(String s) {
        String t = s.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static List<String> split(String facts) {
        List<String> out = new ArrayList<>();
        for (String f : facts.split(",\\s*(?:and\\s+)?|\\s+and\\s+")) {
            if (!f.isBlank()) {
                out.add(f.strip());
            }
        }
        return out;
    }

    private static int blockCount(List<String> init, List<String> goal) throws InstanceParseException {
        boolean[] used = new boolean[BlocksState.MAX_BLOCKS];
        Matcher m = Pattern.compile("the (\\w+) block").matcher(String.join(", ", init) + ", " + String.join(", ", goal));
        while (m.find()) {
            used[block(m.group(1), m.group())] = true;
        }
        int n = 0;
        while (n < used.length && used[n]) {
            n++;
        }
        for (int b = n; b < used.length; b++) {
            if (used[b]) {
                throw new InstanceParseException(BlocksState.name(b) + " is mentioned but " + BlocksState.name(n)
                        + " is not: blocks are named in PlanBench's order " + String.join(", ", BlocksState.COLOURS)
                        + ", so n blocks take the first n names");
            }
        }
        if (n == 0) {
            throw new InstanceParseException("no blocks mentioned; " + EXPECTED);
        }
        return n;
    }

    private static int block(String colour, String fact) throws InstanceParseException {
        for (int b = 0; b < BlocksState.COLOURS.length; b++) {
            if (BlocksState.COLOURS[b].equals(colour)) {
                return b;
            }
        }
        throw new InstanceParseException("unknown block '" + colour + "' in '" + fact + "': blocks are "
                + String.join(", ", BlocksState.COLOURS) + " (at most " + BlocksState.MAX_BLOCKS + ")");
    }

    private static void place(byte[] below, int block, byte where, String fact) throws InstanceParseException {
        if (below[block] != -9) {
            throw new InstanceParseException("'" + fact + "' contradicts an earlier condition: "
                    + BlocksState.name(block) + " can be in one place only");
        }
        below[block] = where;
    }

    private static void setGoal(byte[] goal, int block, byte where, String fact) throws InstanceParseException {
        if (goal[block] != BlocksState.FREE && goal[block] != where) {
            throw new InstanceParseException("the goal '" + fact + "' contradicts another goal about " + BlocksState.name(block));
        }
        goal[block] = where;
    }

    private static void checkNoCycle(byte[] on, String what) throws InstanceParseException {
        for (int b = 0; b < on.length; b++) {
            int x = b;
            for (int k = 0; k <= on.length && x >= 0; k++) {
                x = on[x];
            }
            if (x >= 0) {
                throw new InstanceParseException("the " + what + " stack blocks in a circle (" + BlocksState.name(b)
                        + " ends up under itself)");
            }
        }
        int[] count = new int[on.length];
        for (byte b : on) {
            if (b >= 0 && ++count[b] > 1) {
                throw new InstanceParseException("the " + what + " put two blocks on top of " + BlocksState.name(b));
            }
        }
    }
}
