package org.rlmworkbench.app.imports;

import java.util.List;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.importer.ImportedTree;

/**
 * An imported tree on the timeline: its events and how far into them the window shows. Stepping
 * moves by events or by iterations (a ToT BFS step, an LLM Reasoners snapshot, a GoT operation);
 * nothing runs, every position is a prefix of the recorded events.
 */
public final class ImportedPlayback {
    private final ImportedTree tree;
    private int position;

    public ImportedPlayback(ImportedTree tree) {
        this.tree = tree;
    }

    public ImportedTree tree() {
        return tree;
    }

    public List<RunEvent> events() {
        return tree.events();
    }

    public int position() {
        return position;
    }

    public int end() {
        return tree.events().size();
    }

    /** The events shown at the current position. */
    public List<RunEvent> shown() {
        return tree.events().subList(0, position);
    }

    public void seek(long target) {
        position = (int) Math.max(0, Math.min(end(), target));
    }

    public void stepEvent() {
        seek(position + 1);
    }

    /** To just before the next iteration's start, or to the end. */
    public void stepIteration() {
        List<RunEvent> ev = tree.events();
        for (int i = position + 1; i < ev.size(); i++) {
            if (ev.get(i) instanceof LoopIteration) {
                position = i;
                return;
            }
        }
        position = ev.size();
    }
}
