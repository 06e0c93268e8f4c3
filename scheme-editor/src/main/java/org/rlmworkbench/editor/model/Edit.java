package org.rlmworkbench.editor.model;

import java.util.Objects;
import org.rlmworkbench.runner.scheme.Scheme;

/**
 * One undoable change of a scheme: what it was called and the scheme before and after it. Since a
 * {@link Scheme} is immutable, an edit that spans many steps (a whole drag, a paste of many nodes)
 * is still one edit, so undo takes it back in one step.
 *
 * @param label  a short name for menus, e.g. {@code Move 3 nodes}
 * @param before the scheme before the change
 * @param after  the scheme after the change
 */
public record Edit(String label, Scheme before, Scheme after) {

    public Edit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
