package org.rlmworkbench.problems.prontoqa;

/**
 * One rule of the context: every {@code subject} is a {@code object} (a concept), or every
 * {@code subject} is (or is not) the property {@code object}.
 *
 * @param subject the concept the rule is about, e.g. {@code wumpus}
 * @param object a concept ({@code yumpus}) or a property ({@code bony})
 * @param property whether {@code object} is a property
 * @param negated whether the rule says "is not" (properties only)
 * @param form which of the surface forms it is written in (see {@link ProntoText#rule})
 */
record Rule(String subject, String object, boolean property, boolean negated, int form) {

    /** The same rule up to surface form. */
    boolean sameAs(Rule o) {
        return subject.equals(o.subject) && object.equals(o.object) && property == o.property && negated == o.negated;
    }

    /** What the rule concludes about a member of {@code subject}. */
    Fact conclusion() {
        return new Fact(object, property, negated);
    }
}
