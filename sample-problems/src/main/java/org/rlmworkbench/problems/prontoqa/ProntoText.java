package org.rlmworkbench.problems.prontoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.problem.InstanceParseException;

/**
 * ProntoQA's sentences, written and read. Rules come in three surface forms: {@code Every
 * wumpus is a yumpus.}, {@code Each wumpus is a yumpus.}, {@code Wumpuses are yumpuses.} (and
 * with properties {@code Every wumpus is bony.}, {@code Each wumpus is not bony.}, {@code
 * Wumpuses are not bony.}); facts read {@code Sally is a wumpus.} or {@code Sally is not bony.};
 * the query {@code True or false: Sally is not bony.} In the plural form a word ending in
 * "uses" is a concept (ProntoQA's made-up concepts all end in "us") and any other word a property.
 */
final class ProntoText {

    static final String QUERY = "True or false: ";

    private static final Pattern EVERY = Pattern.compile("(every|each) (\\w+) is (not )?(an? )?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLURAL = Pattern.compile("(\\w+) are (not )?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACT = Pattern.compile("([A-Z]\\w*) is (not )?(an? )?(\\w+)");

    private ProntoText() {
    }

    static String article(String concept) {
        return "aeiou".indexOf(concept.charAt(0)) >= 0 ? "an " : "a ";
    }

    static String plural(String concept) {
        return concept + "es";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The rule as a sentence, without the full stop. */
    static String rule(Rule r) {
        String not = r.negated() ? "not " : "";
        if (r.form() == 2) {
            return capital(plural(r.subject())) + " are " + not + (r.property() ? r.object() : plural(r.object()));
        }
        String q = r.form() == 1 ? "Each " : "Every ";
        return q + r.subject() + " is " + not + (r.property() ? "" : article(r.object())) + r.object();
    }

    /** A fact about the entity, without the full stop. */
    static String fact(String entity, Fact f) {
        return entity + " is " + (f.negated() ? "not " : "") + (f.property() ? "" : article(f.word())) + f.word();
    }

    static String instance(ProntoInstance p) {
        StringBuilder sb = new StringBuilder();
        for (Rule r : p.rules()) {
            sb.append(rule(r)).append(". ");
        }
        sb.append(fact(p.entity(), Fact.concept(p.start()))).append(". ");
        sb.append(QUERY).append(fact(p.entity(), p.query())).append('.');
        return sb.toString();
    }

    /** The sentences of a text, each without its full stop. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.?!])\\s+")) {
            String t = s.strip();
            while (t.endsWith(".") || t.endsWith("?") || t.endsWith("!")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** A rule read from a sentence, or null when the sentence is not a rule. */
    static Rule parseRule(String sentence) throws InstanceParseException {
        String s = sentence.strip();
        Matcher m = EVERY.matcher(s);
        if (m.matches()) {
            int form = m.group(1).equalsIgnoreCase("each") ? 1 : 0;
            boolean concept = m.group(4) != null;
            if (concept && m.group(3) != null) {
                throw new InstanceParseException("the rule '" + s + "' denies a concept; rules may deny only properties");
            }
            return new Rule(m.group(2).toLowerCase(Locale.ROOT), m.group(5).toLowerCase(Locale.ROOT), !concept,
                    m.group(3) != null, form);
        }
        m = PLURAL.matcher(s);
        if (m.matches() && !FACT.matcher(s).matches()) {
            String subject = singular(m.group(1).toLowerCase(Locale.ROOT));
            String object = m.group(3).toLowerCase(Locale.ROOT);
            boolean concept = object.endsWith("uses");
            if (concept && m.group(2) != null) {
                throw new InstanceParseException("the rule '" + s + "' denies a concept; rules may deny only properties");
            }
            return new Rule(subject, concept ? singular(object) : object, !concept, m.group(2) != null, 2);
        }
        return null;
    }

    private static String singular(String plural) {
        if (plural.endsWith("uses")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** A fact about a named entity read from a sentence; null when it is not one. */
    static NamedFact parseFact(String sentence) {
        Matcher m = FACT.matcher(sentence.strip());
        if (!m.matches() || m.group(1).equalsIgnoreCase("every") || m.group(1).equalsIgnoreCase("each")) {
            return null;
        }
        boolean concept = m.group(3) != null;
        return new NamedFact(m.group(1), new Fact(m.group(4).toLowerCase(Locale.ROOT), !concept, m.group(2) != null));
    }

    /** A fact with the name it is about. */
    record NamedFact(String entity, Fact fact) {
    }

    static ProntoInstance parseInstance(String text) throws InstanceParseException {
        if (text == null || text.isBlank()) {
            throw new InstanceParseException("the text is empty; " + EXPECTED);
        }
        List<String> sentences = sentences(text);
        String last = sentences.get(sentences.size() - 1);
        if (!last.regionMatches(true, 0, QUERY, 0, QUERY.length())) {
            throw new InstanceParseException("the last sentence must be the query 'True or false: ...', not '" + last + "'");
        }
        NamedFact query = parseFact(last.substring(QUERY.length()).strip());
        if (query == null || !query.fact().property()) {
            throw new InstanceParseException("the query '" + last + "' must ask whether someone has a property, e.g. '"
                    + QUERY + "Sally is not bony.'");
        }
        List<Rule> rules = new ArrayList<>();
        NamedFact start = null;
        for (String s : sentences.subList(0, sentences.size() - 1)) {
            Rule r = parseRule(s);
            if (r != null) {
                rules.add(r);
                continue;
            }
            NamedFact f = parseFact(s);
            if (f == null) {
                throw new InstanceParseException("cannot read the sentence '" + s + "': expected a rule such as "
                        + "'Every wumpus is a yumpus.' or a fact such as 'Sally is a wumpus.'");
            }
            if (start != null || f.fact().property() || f.fact().negated()) {
                throw new InstanceParseException("the sentence '" + s + "': the problem must state exactly one fact, "
                        + "which concept the entity belongs to (e.g. 'Sally is a wumpus.')");
            }
            start = f;
        }
        if (start == null) {
            throw new InstanceParseException("no fact about the entity (e.g. 'Sally is a wumpus.'); " + EXPECTED);
        }
        if (!start.entity().equals(query.entity())) {
            throw new InstanceParseException("the fact is about " + start.entity() + " but the query about " + query.entity());
        }
        if (rules.isEmpty()) {
            throw new InstanceParseException("no rules; " + EXPECTED);
        }
        return new ProntoInstance(rules, start.entity(), start.fact().word(), query.fact());
    }

    static final String EXPECTED = "expected ProntoQA-style rules, one fact and a query, e.g. 'Every wumpus is a yumpus. "
            + "Every yumpus is bony. Sally is a wumpus. True or false: Sally is bony.'";
}
