package org.rlmworkbench.problems.prontoqa;

/**
 * Something known about the entity: it is a member of a concept, or has (or lacks) a property.
 *
 * @param word the concept or property
 * @param property whether {@code word} is a property
 * @param negated "is not" (properties only)
 */
record Fact(String word, boolean property, boolean negated) {

    static Fact concept(String c) {
        return new Fact(c, false, false);
    }

    /** The same property with the other polarity. */
    Fact opposite() {
        return new Fact(word, property, !negated);
    }
}
