package org.rlmworkbench.problems.prontoqa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A partial proof: the problem, the facts deduced so far in order, and the answer once given.
 *
 * @param problem the rules, the entity, its starting concept and the query
 * @param derived facts deduced, each from a known fact and a rule
 * @param answer {@code null} until answered, then the truth value claimed for the query
 */
public record ProntoState(ProntoInstance problem, List<Fact> derived, Boolean answer) {

    public ProntoState {
        derived = List.copyOf(derived);
    }

    static ProntoState start(ProntoInstance p) {
        return new ProntoState(p, List.of(), null);
    }

    /** The starting fact and the deduced ones. */
    Set<Fact> known() {
        Set<Fact> k = new LinkedHashSet<>();
        k.add(Fact.concept(problem.start()));
        k.addAll(derived);
        return k;
    }

    ProntoState with(Fact f) {
        List<Fact> d = new ArrayList<>(derived);
        d.add(f);
        return new ProntoState(problem, d, null);
    }

    ProntoState answered(boolean value) {
        return new ProntoState(problem, derived, value);
    }

    /**
     * What the known facts say about the query: TRUE or FALSE once the query's property (with
     * either polarity) is known, null before.
     */
    Boolean decided() {
        Fact q = problem.query();
        Set<Fact> k = known();
        if (k.contains(q)) {
            return Boolean.TRUE;
        }
        if (k.contains(q.opposite())) {
            return Boolean.FALSE;
        }
        return null;
    }

    boolean isTerminal() {
        return answer != null;
    }

    /** The correct answer, by forward chaining over all rules from the starting fact. */
    boolean truth() {
        Set<Fact> closure = closure(problem);
        if (closure.contains(problem.query())) {
            return true;
        }
        return false;
    }

    /** Everything the rules give about the entity. */
    static Set<Fact> closure(ProntoInstance p) {
        Set<Fact> k = new LinkedHashSet<>();
        k.add(Fact.concept(p.start()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Rule r : p.rules()) {
                if (k.contains(Fact.concept(r.subject())) && k.add(r.conclusion())) {
                    grew = true;
                }
            }
        }
        return k;
    }

    /** The facts of the shortest proof of the query's property (with either polarity), in order. */
    static List<Fact> proofChain(ProntoInstance p) {
        // Breadth-first over concepts from the start; rules' conclusions are the edges.
        java.util.Map<Fact, Fact> parent = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<Fact> queue = new java.util.ArrayDeque<>();
        Fact start = Fact.concept(p.start());
        parent.put(start, null);
        queue.add(start);
        Fact q = p.query();
        while (!queue.isEmpty()) {
            Fact f = queue.poll();
            if (f.word().equals(q.word()) && f.property()) {
                List<Fact> chain = new ArrayList<>();
                for (Fact x = f; x != null && !x.equals(start); x = parent.get(x)) {
                    chain.add(0, x);
                }
                return chain;
            }
            if (f.property()) {
                continue;
            }
            for (Rule r : p.rules()) {
                if (r.subject().equals(f.word()) && !parent.containsKey(r.conclusion())) {
                    parent.put(r.conclusion(), f);
                    queue.add(r.conclusion());
                }
            }
        }
        return List.of();
    }
}
