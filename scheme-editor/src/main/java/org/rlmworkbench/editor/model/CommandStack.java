package org.rlmworkbench.editor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The one undo/redo stack of an editor: unbounded, linear; doing a new edit clears what could be
 * redone. Holds {@link Edit}s only; applying them is the model's business.
 */
public final class CommandStack {

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /** Records an edit that was just done. */
    public void push(Edit edit) {
        undo.push(edit);
        redo.clear();
    }

    /** Takes the last edit off the undo side and puts it on the redo side. */
    public Optional<Edit> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Edit e = undo.pop();
        redo.push(e);
        return Optional.of(e);
    }

    /** Takes the last undone edit back. */
    public Optional<Edit> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Edit e = redo.pop();
        undo.push(e);
        return Optional.of(e);
    }

    public Optional<Edit> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    public Optional<Edit> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    public int undoSize() {
        return undo.size();
    }

    public int redoSize() {
        return redo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
