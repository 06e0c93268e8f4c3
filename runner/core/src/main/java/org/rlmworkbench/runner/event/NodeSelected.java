package org.rlmworkbench.runner.event;

import java.util.List;

/**
 * Select chose {@code chosen} among {@code candidates} (the children of {@code parent}, or the
 * working set when {@code parent} is -1), with the numbers behind the decision.
 *
 * @param rule the rule's name, e.g. {@code puct}
 * @param c the exploration constant the rule used
 * @param parentVisits N(s) of the parent as the rule saw it
 */
public record NodeSelected(int parent, int chosen, String rule, double c, int parentVisits,
                           List<Candidate> candidates) implements RunEvent {
}
