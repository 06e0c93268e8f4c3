package org.rlmworkbench.problems.prontoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rlmworkbench.runner.problem.Step;

/**
 * The legal steps of a partial proof: every single deduction from a known concept and a rule
 * about it whose conclusion is not yet known (known facts in order, rules in the order written),
 * then, once the known facts decide the query, the two answers.
 */
final class ProntoMoves {

    static final String TRUE = "So the answer is true.";
    static final String FALSE = "So the answer is false.";

    private ProntoMoves() {
    }

    static List<Step<ProntoState>> steps(ProntoState s) {
        if (s.isTerminal()) {
            return List.of();
        }
        List<Step<ProntoState>> out = new ArrayList<>();
        Set<Fact> known = s.known();
        String who = s.problem().entity();
        for (Fact f : known) {
            if (f.property()) {
                continue;
            }
            for (Rule r : s.problem().rules()) {
                if (r.subject().equals(f.word()) && !known.contains(r.conclusion())) {
                    out.add(Step.of(deduction(who, f, r), s.with(r.conclusion())));
                }
            }
        }
        if (s.decided() != null) {
            out.add(Step.of(TRUE, s.answered(true)));
            out.add(Step.of(FALSE, s.answered(false)));
        }
        return out;
    }

    /** E.g. {@code Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.} */
    static String deduction(String who, Fact premise, Rule r) {
        return ProntoText.fact(who, premise) + ". " + ProntoText.rule(r) + ". So "
                + ProntoText.fact(who, r.conclusion()) + ".";
    }
}
