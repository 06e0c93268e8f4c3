package org.rlmworkbench.problems.prontoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Reads a written step: one deduction ({@code Sally is a wumpus. Every wumpus is a yumpus. So
 * Sally is a yumpus.}, the premise may be left out, any rule form is read) or an answer
 * ({@code So the answer is true.}). Each part is checked against the rules and the known facts,
 * and a rejection says which part fails and why.
 */
final class ProntoStepParser {

    private static final Pattern ANSWER = Pattern.compile(
            "^(?:so,? |therefore,? |thus,? |hence,? )?(?:the answer is |answer: )?(true|false)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAD = Pattern.compile("^(?:so|therefore|thus|hence|and)\\b,?\\s*", Pattern.CASE_INSENSITIVE);

    private ProntoStepParser() {
    }

    static StepParse<ProntoState> parse(ProntoState s, String raw) {
        String text = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return StepParse.rejected(raw, "not a step: the text is empty");
        }
        if (s.isTerminal()) {
            return StepParse.rejected(raw, "no step is possible: the question has been answered");
        }
        String who = s.problem().entity();
        String bare = text.replaceAll("[.!]+$", "").strip();
        var am = ANSWER.matcher(bare);
        if (am.matches()) {
            if (s.decided() == null) {
                return StepParse.rejected(raw, "cannot answer yet: nothing known so far says whether "
                        + ProntoText.fact(who, s.problem().query()));
            }
            boolean value = am.group(1).equalsIgnoreCase("true");
            return StepParse.accepted(raw, Step.of(value ? ProntoMoves.TRUE : ProntoMoves.FALSE, s.answered(value)));
        }
        List<String> sentences = new ArrayList<>();
        for (String part : ProntoText.sentences(text)) {
            sentences.add(LEAD.matcher(part).replaceFirst(""));
        }
        Rule rule = null;
        List<ProntoText.NamedFact> facts = new ArrayList<>();
        for (String sentence : sentences) {
            Rule r;
            try {
                r = ProntoText.parseRule(sentence);
            } catch (InstanceParseException e) {
                return StepParse.rejected(raw, e.getMessage());
            }
            if (r != null) {
                if (rule != null) {
                    return StepParse.rejected(raw, "a step is one deduction from one rule; this text uses two rules");
                }
                rule = r;
                continue;
            }
            ProntoText.NamedFact f = ProntoText.parseFact(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
            if (f == null) {
                return StepParse.rejected(raw, "cannot read '" + sentence + "': expected a deduction like '"
                        + example(s) + "' or 'So the answer is true.'");
            }
            facts.add(f);
        }
        if (rule == null) {
            return StepParse.rejected(raw, "not a deduction: no rule is used; expected e.g. '" + example(s) + "'");
        }
        if (facts.isEmpty()) {
            return StepParse.rejected(raw, "not a deduction: no conclusion follows the rule");
        }
        if (facts.size() > 2) {
            return StepParse.rejected(raw, "a step is one deduction: a premise, a rule and a conclusion");
        }
        for (ProntoText.NamedFact f : facts) {
            if (!f.entity().equals(who)) {
                return StepParse.rejected(raw, "the problem is about " + who + ", not " + f.entity());
            }
        }
        String ruleText = ProntoText.rule(rule);
        Rule given = null;
        for (Rule r : s.problem().rules()) {
            if (r.sameAs(rule)) {
                given = r;
            }
        }
        if (given == null) {
            return StepParse.rejected(raw, "there is no rule '" + ruleText + "' in the problem");
        }
        Set<Fact> known = s.known();
        Fact needed = Fact.concept(given.subject());
        if (facts.size() == 2) {
            Fact premise = facts.get(0).fact();
            if (!premise.equals(needed)) {
                return StepParse.rejected(raw, "the rule '" + ruleText + "' is about " + ProntoText.plural(given.subject())
                        + ", but the premise is '" + ProntoText.fact(who, premise) + "'");
            }
        }
        if (!known.contains(needed)) {
            return StepParse.rejected(raw, "'" + ProntoText.fact(who, needed) + "' is not known yet, and the rule '"
                    + ruleText + "' needs it");
        }
        Fact conclusion = facts.get(facts.size() - 1).fact();
        if (!conclusion.equals(given.conclusion())) {
            return StepParse.rejected(raw, "'" + ProntoText.fact(who, needed) + "' and '" + ruleText + "' give '"
                    + ProntoText.fact(who, given.conclusion()) + "', not '" + ProntoText.fact(who, conclusion) + "'");
        }
        if (known.contains(conclusion)) {
            return StepParse.rejected(raw, "'" + ProntoText.fact(who, conclusion) + "' is already known");
        }
        return StepParse.accepted(raw, Step.of(ProntoMoves.deduction(who, needed, given), s.with(conclusion)));
    }

    private static String example(ProntoState s) {
        Rule r = s.problem().rules().get(0);
        return ProntoMoves.deduction(s.problem().entity(), Fact.concept(r.subject()), r);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
