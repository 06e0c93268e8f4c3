package org.rlmworkbench.runner.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the problems on the class path through {@link ServiceLoader}. */
public final class Problems {

    private Problems() {
    }

    /** Every problem found, sorted by id. */
    @SuppressWarnings("rawtypes")
    public static List<Problem<?>> all() {
        List<Problem<?>> found = new ArrayList<>();
        for (Problem p : ServiceLoader.load(Problem.class)) {
            found.add(p);
        }
        found.sort(Comparator.comparing(Problem::id));
        return found;
    }

    /** The problem with this id, if any. */
    public static Optional<Problem<?>> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The problem with this id.
     *
     * @throws IllegalArgumentException naming the id and the known ones when there is none
     */
    public static Problem<?> byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown problem '" + id + "'; known: "
                        + all().stream().map(Problem::id).toList()));
    }
}
