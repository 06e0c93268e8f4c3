package org.rlmworkbench.problems.prontoqa;

import java.util.List;

/**
 * A ProntoQA-style problem: rules, one fact about a named entity, and a true/false query.
 *
 * @param rules the context's rules, in the order written
 * @param entity the name, e.g. {@code Sally}
 * @param start the concept the entity is said to belong to
 * @param query the statement to judge, e.g. "Sally is not bony"
 */
record ProntoInstance(List<Rule> rules, String entity, String start, Fact query) {

    ProntoInstance {
        rules = List.copyOf(rules);
    }
}
