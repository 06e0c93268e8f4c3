package org.rlmworkbench.problems.prontoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Prompts;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * ProntoQA-style logic chains: rules about made-up concepts, one fact about a named entity and a
 * true/false query. A step is one deduction ("Sally is a wumpus. Every wumpus is a yumpus. So
 * Sally is a yumpus.") or, once the known facts settle the query, the answer. Difficulty is the
 * number of hops (1..6), with as many distractor rules.
 */
public final class ProntoQa implements Problem<ProntoState> {

    public static final String ID = "prontoqa";
    private static final String SO_FAR = " || So far: ";
    private static final String ANSWER = " || Answer: ";

    private static final class Holder {
        static final ProntoGenerator.Built DATA = ProntoGenerator.build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Logic chains (ProntoQA)";
    }

    @Override
    public String description() {
        return "ProntoQA-style logic chains: rules about made-up concepts ('Every wumpus is a yumpus.'), one fact "
                + "('Sally is a wumpus.') and a query ('True or false: Sally is not bony.'). Each step is one deduction "
                + "from a known fact and a rule, 'Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.', and "
                + "the proof ends with 'So the answer is true.' or '... false.' once the facts settle it. Difficulty is "
                + "the number of hops, 1 to 6, with as many distractor rules. The verifier checks the answer; the "
                + "process reward, how many deductions lie on the proof.";
    }

    @Override
    public ProntoState parseInstance(String text) throws InstanceParseException {
        ProntoInstance p = ProntoText.parseInstance(text);
        if (ProntoState.proofChain(p).isEmpty()) {
            throw new InstanceParseException("no chain of rules leads from '" + ProntoText.fact(p.entity(),
                    Fact.concept(p.start())) + "' to whether " + ProntoText.fact(p.entity(), p.query())
                    + ", so the query cannot be settled");
        }
        return ProntoState.start(p);
    }

    @Override
    public String sampleInstance() {
        return "Every yumpus is a dumpus. Every wumpus is a yumpus. Each dumpus is not bony. Zumpuses are bony. "
                + "Every wumpus is a rompus. Rompuses are shy. Sally is a wumpus. True or false: Sally is not bony.";
    }

    @Override
    public List<Step<ProntoState>> steps(ProntoState state) {
        return ProntoMoves.steps(state);
    }

    @Override
    public StepParse<ProntoState> parseStep(ProntoState state, String text) {
        return ProntoStepParser.parse(state, text);
    }

    /** The problem, then "Known:" and every fact known so far. */
    @Override
    public String promptText(ProntoState s) {
        StringBuilder sb = new StringBuilder(ProntoText.instance(s.problem())).append("\nKnown:");
        for (Fact f : s.known()) {
            sb.append(' ').append(ProntoText.fact(s.problem().entity(), f)).append('.');
        }
        return sb.toString();
    }

    @Override
    public Prompts prompts() {
        return ProntoPrompts.PROMPTS;
    }

    @Override
    public boolean isTerminal(ProntoState state) {
        return state.isTerminal();
    }

    /** +1 when the answer given is the truth (by forward chaining over all rules), -1 otherwise. */
    @Override
    public double outcomeReward(ProntoState state) {
        return state.answer() != null && state.answer() == state.truth() ? 1.0 : -1.0;
    }

    /**
     * Answered: +1 right, -1 wrong. Otherwise, with u deductions on the shortest proof and w
     * others: (u - w) / (u + w), 0 before any deduction. (Each deduction's validity is checked when
     * the step is read or the state decoded, so a state holds only valid ones.)
     */
    @Override
    public OptionalDouble processReward(ProntoState s) {
        if (s.answer() != null) {
            return OptionalDouble.of(outcomeReward(s));
        }
        if (s.derived().isEmpty()) {
            return OptionalDouble.of(0.0);
        }
        Set<Fact> proof = Set.copyOf(ProntoState.proofChain(s.problem()));
        int useful = 0;
        for (Fact f : s.derived()) {
            if (proof.contains(f)) {
                useful++;
            }
        }
        int wasted = s.derived().size() - useful;
        return OptionalDouble.of((useful - wasted) / (double) (useful + wasted));
    }

    /** Answered: whether the answer agrees with the known facts; 0.8 once they settle the query; else 0. */
    @Override
    public double heuristicValue(ProntoState s) {
        Boolean decided = s.decided();
        if (s.answer() != null) {
            return decided == null ? 0.0 : decided.equals(s.answer()) ? 1.0 : -1.0;
        }
        return decided == null ? 0.0 : 0.8;
    }

    /** An answer that agrees with the known facts is best; a deduction about the queried property next. */
    @Override
    public double stepPreference(ProntoState s, Step<ProntoState> step) {
        ProntoState next = step.next();
        if (next.answer() != null) {
            return next.answer().equals(s.decided()) ? 8.0 : 0.05;
        }
        Fact added = next.derived().get(next.derived().size() - 1);
        return added.word().equals(s.problem().query().word()) ? 4.0 : 1.0;
    }

    /** {@code True} or {@code False} once answered; empty before. */
    @Override
    public String answer(ProntoState s) {
        return s.answer() == null ? "" : s.answer() ? "True" : "False";
    }

    @Override
    public String encodeState(ProntoState s) {
        StringBuilder sb = new StringBuilder(ProntoText.instance(s.problem()));
        if (!s.derived().isEmpty()) {
            sb.append(SO_FAR);
            for (int i = 0; i < s.derived().size(); i++) {
                sb.append(i == 0 ? "" : " ").append(ProntoText.fact(s.problem().entity(), s.derived().get(i))).append('.');
            }
        }
        if (s.answer() != null) {
            sb.append(ANSWER).append(s.answer());
        }
        return sb.toString();
    }

    /** Reads {@link #encodeState}; each fact deduced must follow from a rule and a fact known before it. */
    @Override
    public ProntoState decodeState(String text) throws InstanceParseException {
        String[] parts = text.split(" \\|\\| ");
        ProntoState s = parseInstance(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            String part = parts[k].strip();
            if (part.startsWith("So far: ")) {
                for (String sentence : ProntoText.sentences(part.substring("So far: ".length()))) {
                    ProntoText.NamedFact f = ProntoText.parseFact(sentence);
                    if (f == null || !f.entity().equals(s.problem().entity())) {
                        throw new InstanceParseException("cannot read the deduced fact '" + sentence + "'");
                    }
                    if (!follows(s, f.fact())) {
                        throw new InstanceParseException("the deduced fact '" + sentence
                                + "' does not follow from a rule and the facts known before it");
                    }
                    s = s.with(f.fact());
                }
            } else if (part.startsWith("Answer: ")) {
                s = s.answered(Boolean.parseBoolean(part.substring("Answer: ".length()).strip()));
            } else {
                throw new InstanceParseException("cannot read '" + part + "': expected 'So far: ...' or 'Answer: ...'");
            }
        }
        return s;
    }

    private static boolean follows(ProntoState s, Fact f) {
        Set<Fact> known = s.known();
        if (known.contains(f)) {
            return false;
        }
        for (Rule r : s.problem().rules()) {
            if (r.conclusion().equals(f) && known.contains(Fact.concept(r.subject()))) {
                return true;
            }
        }
        return false;
    }

    /** 80 problems for each number of hops 1..6 from a fixed seed: train 360, validation 60, test 60. */
    @Override
    public Dataset dataset() {
        return Holder.DATA.dataset();
    }

    /** {@code True} or {@code False}, by forward chaining; null when the text is not an instance. */
    @Override
    public String goldAnswer(String instanceText) {
        try {
            return parseInstance(instanceText).truth() ? "True" : "False";
        } catch (InstanceParseException e) {
            return null;
        }
    }

    /** The hops of the shortest proof; NaN when the text is not an instance. */
    @Override
    public double instanceDifficulty(String instanceText) {
        try {
            return ProntoState.proofChain(parseInstance(instanceText).problem()).size();
        } catch (InstanceParseException e) {
            return Double.NaN;
        }
    }

    /** The deductions of the shortest proof and the answer, as step texts: the gold chain of thought. */
    public List<String> goldProof(String instanceText) throws InstanceParseException {
        ProntoState s = parseInstance(instanceText);
        List<String> out = new ArrayList<>();
        Fact premise = Fact.concept(s.problem().start());
        for (Fact f : ProntoState.proofChain(s.problem())) {
            for (Rule r : s.problem().rules()) {
                if (r.subject().equals(premise.word()) && r.conclusion().equals(f)) {
                    out.add(ProntoMoves.deduction(s.problem().entity(), premise, r));
                    break;
                }
            }
            premise = f;
        }
        out.add(s.truth() ? ProntoMoves.TRUE : ProntoMoves.FALSE);
        return out;
    }
}
