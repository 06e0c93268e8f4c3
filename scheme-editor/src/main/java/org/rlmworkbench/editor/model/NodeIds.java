package org.rlmworkbench.editor.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;

/**
 * Readable, unique node ids: the type's name in lower case, then {@code 2}, {@code 3}, ... when
 * taken ({@code select}, {@code select2}).
 */
public final class NodeIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private NodeIds() {
    }

    /** A fresh id for a node of the given type name. */
    public static String next(Scheme scheme, String typeName) {
        Set<String> taken = new HashSet<>();
        scheme.nodes().forEach(n -> taken.add(n.id()));
        return next(taken, typeName);
    }

    /** A fresh id based on {@code base}, avoiding {@code taken}. */
    public static String next(Collection<String> taken, String base) {
        String stem = stem(base);
        if (!taken.contains(stem)) {
            return stem;
        }
        for (int i = 2; ; i++) {
            String id = stem + i;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    /** Why {@code id} cannot name a node of {@code scheme} (other than {@code self}), or null. */
    public static String refusal(Scheme scheme, String self, String id) {
        if (id == null || id.isBlank()) {
            return "an id must not be empty";
        }
        if (!VALID.matcher(id).matches()) {
            return "an id starts with a letter and holds only letters, digits, '_' and '-'";
        }
        for (SchemeNode n : scheme.nodes()) {
            if (n.id().equals(id) && !id.equals(self)) {
                return "another node already has the id '" + id + "'";
            }
        }
        return null;
    }

    private static String stem(String base) {
        String s = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        s = s.replaceAll("[0-9]+$", "");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "node" : s;
    }
}
