package org.rlmworkbench.problems.blocksworld;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.problems.blocksworld.BlocksAction.Kind;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Reads an action written by a model: lenient on case, numbering ({@code 1.}, {@code [ACTION 2]}),
 * a final full stop and PDDL's hyphens ({@code pick-up}); strict on the rules of the domain.
 */
final class BlocksStepParser {

    private static final Pattern PREFIX = Pattern.compile("^(?:\\[action \\d+]|step \\d+\\s*[:.)]|\\d+\\s*[.)]|[-*\u2022])\\s*");
    private static final Pattern PICK = Pattern.compile("pick up the (\\w+) block");
    private static final Pattern PUT = Pattern.compile("put down the (\\w+) block");
    private static final Pattern STACK = Pattern.compile("stack the (\\w+) block on(?: top of)? the (\\w+) block");
    private static final Pattern UNSTACK = Pattern.compile("unstack the (\\w+) block from(?: on top of)? the (\\w+) block");

    private BlocksStepParser() {
    }

    static StepParse<BlocksState> parse(BlocksState s, String raw) {
        String t = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        t = PREFIX.matcher(t).replaceFirst("");
        t = t.replace("pick-up", "pick up").replace("put-down", "put down");
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            return StepParse.rejected(raw, "not an action: the text is empty");
        }
        if (s.goalReached()) {
            return StepParse.rejected(raw, "no action is needed: the goal is reached");
        }
        if (s.isTerminal()) {
            return StepParse.rejected(raw, "no action is possible: the " + s.limit() + " actions allowed are used up");
        }
        Matcher m;
        Kind kind;
        if ((m = UNSTACK.matcher(t)).matches()) {
            kind = Kind.UNSTACK;
        } else if ((m = STACK.matcher(t)).matches()) {
            kind = Kind.STACK;
        } else if ((m = PICK.matcher(t)).matches()) {
            kind = Kind.PICK_UP;
        } else if ((m = PUT.matcher(t)).matches()) {
            kind = Kind.PUT_DOWN;
        } else {
            return StepParse.rejected(raw, "not an action: expected 'pick up the red block', 'put down the red block', "
                    + "'stack the red block on top of the blue block' or 'unstack the red block from on top of the blue block'");
        }
        int block = block(s, m.group(1));
        int other = m.groupCount() > 1 ? block(s, m.group(2)) : -1;
        if (block < 0 || (m.groupCount() > 1 && other < 0)) {
            String missing = block < 0 ? m.group(1) : m.group(2);
            return StepParse.rejected(raw, "there is no " + missing + " block here (the blocks are "
                    + String.join(", ", Arrays.copyOf(BlocksState.COLOURS, s.blocks())) + ")");
        }
        String why = BlocksMoves.whyNot(s, kind, block, other);
        if (why != null) {
            return StepParse.rejected(raw, why);
        }
        return StepParse.accepted(raw, BlocksMoves.apply(s, kind, block, other));
    }

    private static int block(BlocksState s, String colour) {
        for (int b = 0; b < s.blocks(); b++) {
            if (BlocksState.COLOURS[b].equals(colour)) {
                return b;
            }
        }
        return -1;
    }
}
