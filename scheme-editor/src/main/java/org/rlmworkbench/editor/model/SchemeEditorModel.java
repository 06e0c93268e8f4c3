package org.rlmworkbench.editor.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamSpec;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.SchemeValidator;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * The scheme editor's view model: the scheme being edited (immutable; every change replaces it
 * through one {@link CommandStack}), the selection, live validation, the file it belongs to, the
 * dirty flag and autosave. Uses JavaFX properties but no controls, so it is tested without a
 * window.
 *
 * <pre>{@code
 * SchemeEditorModel m = new SchemeEditorModel(EditorPaths.defaults());
 * String id = m.addNode(NodeType.SELECT, new Position(100, 80));   // "select"
 * m.setParam(id, "c", "2.0");                                       // Optional.empty(): applied
 * m.undo();
 * }</pre>
 */
public final class SchemeEditorModel {

    /** How far a paste or duplicate moves the copy. */
    public static final double PASTE_OFFSET = 40;

    // properties
    private final ReadOnlyObjectWrapper<Scheme> scheme = new ReadOnlyObjectWrapper<>(this, "scheme");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<SchemeError> problems = FXCollections.observableArrayList();
    private final ObservableList<SchemeError> readErrors = FXCollections.observableArrayList();
    private final ObservableSet<String> selectedNodes = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<Wire> selectedWire = new SimpleObjectProperty<>(this, "selectedWire");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    // one read-only view each: a wrapper made per call would hold its listeners only weakly
    private final ObservableList<SchemeError> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);

    private final CommandStack stack = new CommandStack();
    private final RecentFiles recentFiles;
    private final RecoveryStore recovery;
    private Scheme saved;
    private SchemeFragment clipboard;
    private int pasteCount;

    private final Path userSchemes;

    public SchemeEditorModel(EditorPaths paths) {
        this.userSchemes = paths.userSchemes();
        this.recentFiles = new RecentFiles(paths.recentFiles());
        this.recovery = new RecoveryStore(paths);
        recent.setAll(recentFiles.list());
        reset(emptyScheme(), null, List.of());
    }

    /** A scheme with no nodes, named {@code untitled}. */
    public static Scheme emptyScheme() {
        return new Scheme(Scheme.CURRENT_VERSION, "untitled", "", List.of(), List.of());
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Scheme> schemeProperty() {
        return scheme.getReadOnlyProperty();
    }

    public Scheme getScheme() {
        return scheme.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** e.g. {@code mcts.json* — mcts}; the star marks unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Every error and warning of the current scheme (validator), plus those of reading its file. */
    public ObservableList<SchemeError> problems() {
        return problemsView;
    }

    public ObservableSet<String> selectedNodes() {
        return selectedNodes;
    }

    public ObjectProperty<Wire> selectedWireProperty() {
        return selectedWire;
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    /** The one selected node, if exactly one is selected. */
    public Optional<SchemeNode> singleSelection() {
        if (selectedNodes.size() != 1) {
            return Optional.empty();
        }
        return getScheme().node(selectedNodes.iterator().next());
    }

    // ---------------------------------------------------------------- the stack

    /**
     * Applies a change as one undoable edit. A change that gives an equal scheme records nothing.
     *
     * @return whether the scheme changed
     */
    public boolean execute(String label, UnaryOperator<Scheme> change) {
        Scheme before = getScheme();
        Scheme after = change.apply(before);
        if (after.equals(before)) {
            return false;
        }
        stack.push(new Edit(label, before, after));
        apply(after);
        return true;
    }

    /** How many edits undo can take back. */
    public int undoCount() {
        return stack.undoSize();
    }

    public boolean undo() {
        Optional<Edit> e = stack.undo();
        e.ifPresent(edit -> apply(edit.before()));
        return e.isPresent();
    }

    public boolean redo() {
        Optional<Edit> e = stack.redo();
        e.ifPresent(edit -> apply(edit.after()));
        return e.isPresent();
    }

    private void apply(Scheme s) {
        scheme.set(s);
        selectedNodes.retainAll(s.nodes().stream().map(SchemeNode::id).toList());
        if (selectedWire.get() != null && !s.wires().contains(selectedWire.get())) {
            selectedWire.set(null);
        }
        refresh();
    }

    private void refresh() {
        List<SchemeError> all = new ArrayList<>(readErrors);
        all.addAll(SchemeValidator.validate(getScheme()));
        problems.setAll(all);
        dirty.set(!getScheme().equals(saved));
        canUndo.set(stack.undoSize() > 0);
        canRedo.set(stack.redoSize() > 0);
        undoLabel.set(stack.nextUndo().map(Edit::label).orElse(""));
        redoLabel.set(stack.nextRedo().map(Edit::label).orElse(""));
        Path f = getFile();
        title.set((f == null ? "untitled" : f.getFileName().toString()) + (isDirty() ? "*" : "") + " — "
                + getScheme().name());
    }

    private void reset(Scheme s, Path f, List<SchemeError> fileErrors) {
        stack.clear();
        saved = s;
        file.set(f);
        readErrors.setAll(fileErrors);
        selectedNodes.clear();
        selectedWire.set(null);
        pasteCount = 0;
        apply(s);
    }

    // ---------------------------------------------------------------- edits

    /** Adds a node of {@code type} at {@code at} with a fresh id; returns the id. */
    public String addNode(NodeType type, Position at) {
        String id = NodeIds.next(getScheme(), type.typeName());
        execute("Add " + type.typeName(), s -> SchemeEdits.addNode(s, new SchemeNode(id, type.typeName(),
                Map.of(), at, false)));
        selectedNodes.clear();
        selectedNodes.add(id);
        return id;
    }

    /** Moves nodes as one edit (a whole drag). */
    public void moveNodes(Map<String, Position> positions) {
        execute(positions.size() == 1 ? "Move " + positions.keySet().iterator().next()
                : "Move " + positions.size() + " nodes", s -> SchemeEdits.moveNodes(s, positions));
    }

    /** Deletes the selected nodes (with their wires) and the selected wire, as one edit. */
    public void deleteSelection() {
        Set<String> ids = Set.copyOf(selectedNodes);
        Wire w = selectedWire.get();
        if (ids.isEmpty() && w == null) {
            return;
        }
        execute(ids.isEmpty() ? "Delete wire" : "Delete " + (ids.size() == 1 ? ids.iterator().next()
                : ids.size() + " nodes"), s -> {
            Scheme t = w == null ? s : SchemeEdits.removeWire(s, w);
            return SchemeEdits.removeNodes(t, ids);
        });
    }

    /**
     * Draws a wire from one port to another (either way round).
     *
     * @return the refusal, or empty when the wire was added
     */
    public Optional<String> connect(PortRef a, PortRef b) {
        ConnectionRules.Verdict v = ConnectionRules.check(getScheme(), a, b);
        if (!v.allowed()) {
            return Optional.of(v.refusal());
        }
        execute("Wire " + v.wire(), s -> SchemeEdits.addWire(s, v.wire()));
        return Optional.empty();
    }

    public void removeWire(Wire w) {
        execute("Delete wire " + w, s -> SchemeEdits.removeWire(s, w));
    }

    /**
     * Sets a parameter from text typed by the user; empty text goes back to the default.
     *
     * @return why the value was refused (nothing changed then), or empty when it was applied
     */
    public Optional<String> setParam(String nodeId, String name, String text) {
        Optional<ParamSpec> spec = spec(nodeId, name);
        if (spec.isEmpty()) {
            return Optional.of("no parameter '" + name + "' on node '" + nodeId + "'");
        }
        if (text == null || text.isBlank()) {
            resetParam(nodeId, name);
            return Optional.empty();
        }
        Object value;
        try {
            value = spec.get().parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " " + e.getMessage());
        }
        return setParamValue(nodeId, name, value);
    }

    /** Sets a parameter to a typed value (Integer, Double, String or Boolean), checked first. */
    public Optional<String> setParamValue(String nodeId, String name, Object value) {
        Optional<ParamSpec> spec = spec(nodeId, name);
        if (spec.isEmpty()) {
            return Optional.of("no parameter '" + name + "' on node '" + nodeId + "'");
        }
        Object checked;
        try {
            checked = spec.get().check(value);
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " " + e.getMessage());
        }
        execute("Set " + nodeId + "." + name + " = " + checked, s -> SchemeEdits.setParam(s, nodeId, name, checked));
        return Optional.empty();
    }

    /** Removes a parameter, so its default applies. */
    public void resetParam(String nodeId, String name) {
        execute("Reset " + nodeId + "." + name, s -> SchemeEdits.setParam(s, nodeId, name, null));
    }

    private Optional<ParamSpec> spec(String nodeId, String name) {
        return getScheme().node(nodeId).map(SchemeNode::nodeType).flatMap(t -> t.param(name));
    }

    public void toggleBreakpoint(String nodeId) {
        if (getScheme().node(nodeId).isPresent()) {
            execute("Toggle breakpoint on " + nodeId, s -> SchemeEdits.toggleBreakpoint(s, nodeId));
        }
    }

    /**
     * Gives a node a new id (its wires follow).
     *
     * @return why the id was refused, or empty when applied
     */
    public Optional<String> renameNode(String oldId, String newId) {
        String id = newId == null ? "" : newId.trim();
        if (id.equals(oldId)) {
            return Optional.empty();
        }
        String refusal = NodeIds.refusal(getScheme(), oldId, id);
        if (refusal != null) {
            return Optional.of(refusal);
        }
        boolean wasSelected = selectedNodes.contains(oldId);
        execute("Rename " + oldId + " to " + id, s -> SchemeEdits.renameNode(s, oldId, id));
        if (wasSelected) {
            selectedNodes.add(id);
        }
        return Optional.empty();
    }

    public void setSchemeName(String name) {
        String n = name == null ? "" : name.trim();
        execute("Rename scheme to " + n, s -> s.withName(n));
    }

    public void setDescription(String description) {
        execute("Edit description", s -> s.withDescription(description == null ? "" : description));
    }

    /** Lays every node out again with the layered layout, as one edit. */
    public void tidy() {
        Map<String, Position> p = TidyLayout.positions(getScheme());
        execute("Tidy layout", s -> SchemeEdits.moveNodes(s, p));
    }

    // ---------------------------------------------------------------- clipboard

    public void copy() {
        if (!selectedNodes.isEmpty()) {
            clipboard = SchemeFragment.of(getScheme(), selectedNodes);
            pasteCount = 0;
        }
    }

    public void cut() {
        if (!selectedNodes.isEmpty()) {
            copy();
            Set<String> ids = Set.copyOf(selectedNodes);
            execute("Cut " + ids.size() + " node(s)", s -> SchemeEdits.removeNodes(s, ids));
        }
    }

    public boolean canPaste() {
        return clipboard != null && !clipboard.isEmpty();
    }

    /** Pastes the clipboard as one edit and selects the pasted nodes. */
    public List<String> paste() {
        if (!canPaste()) {
            return List.of();
        }
        pasteCount++;
        double d = PASTE_OFFSET * pasteCount;
        SchemeFragment.Pasted p = clipboard.pasteInto(getScheme(), d, d);
        execute("Paste " + p.ids().size() + " node(s)", s -> clipboard.pasteInto(s, d, d).scheme());
        selectedNodes.clear();
        selectedNodes.addAll(p.ids());
        return p.ids();
    }

    /** Copies and pastes the selection in one go, leaving the clipboard as it was. */
    public List<String> duplicate() {
        if (selectedNodes.isEmpty()) {
            return List.of();
        }
        SchemeFragment f = SchemeFragment.of(getScheme(), selectedNodes);
        SchemeFragment.Pasted p = f.pasteInto(getScheme(), PASTE_OFFSET, PASTE_OFFSET);
        execute("Duplicate " + p.ids().size() + " node(s)", s -> f.pasteInto(s, PASTE_OFFSET, PASTE_OFFSET).scheme());
        selectedNodes.clear();
        selectedNodes.addAll(p.ids());
        return p.ids();
    }

    public void selectOnly(String nodeId) {
        selectedWire.set(null);
        selectedNodes.clear();
        if (nodeId != null && getScheme().node(nodeId).isPresent()) {
            selectedNodes.add(nodeId);
        }
    }

    public void selectAll() {
        selectedNodes.addAll(getScheme().nodes().stream().map(SchemeNode::id).toList());
    }

    // ---------------------------------------------------------------- files

    /** Starts an empty, untitled scheme (the caller asks about unsaved work first). */
    public void newScheme() {
        reset(emptyScheme(), null, List.of());
        recovery.clear();
    }

    /** Opens a built-in scheme as a new, untitled scheme. */
    public void openTemplate(String name) {
        SchemeLoad load = SchemeIO.parse("built-in scheme " + name, BuiltinSchemes.json(name).orElseThrow(
                () -> new IllegalArgumentException("unknown scheme '" + name + "'; built-in: " + BuiltinSchemes.NAMES)));
        reset(load.scheme(), null, readOnly(load));
        recovery.clear();
    }

    /**
     * Opens a scheme file. Never throws: when the file is not a scheme at all, the current scheme
     * stays and the messages come back; otherwise the scheme is opened with its errors visible.
     *
     * @return what reading the file gave, with every message
     */
    public SchemeLoad open(Path path) {
        SchemeLoad load = SchemeIO.read(path);
        if (load.scheme() != null) {
            reset(load.scheme(), path, readOnly(load));
            recent.setAll(recentFiles.add(path));
            recovery.clear();
        }
        return load;
    }

    /** The errors of reading a file that validating its scheme would not give again. */
    private static List<SchemeError> readOnly(SchemeLoad load) {
        if (load.scheme() == null) {
            return load.errors();
        }
        List<SchemeError> validation = SchemeValidator.validate(load.scheme());
        List<SchemeError> out = new ArrayList<>(load.errors());
        validation.forEach(out::remove);
        return out;
    }

    /**
     * Saves to the current file, atomically. Errors in the scheme do not stop a save.
     *
     * @throws IllegalStateException when the scheme has no file yet (use {@link #saveAs})
     * @throws IOException           when the file cannot be written; the old file is untouched then
     */
    public void save() throws IOException {
        if (getFile() == null) {
            throw new IllegalStateException("the scheme has no file yet: save as");
        }
        if (isInstalled(getFile())) {
            // a built-in scheme belongs to the installation: the edits go to the user's own copy
            saveCopyInUserFolder();
            return;
        }
        saveAs(getFile());
    }

    /**
     * Whether {@code file} is one of the built-in scheme files of the installation (the runner's
     * resource folder, in a source tree or unpacked): those are never written by a save.
     */
    public static boolean isInstalled(Path file) {
        String p = file.toAbsolutePath().normalize().toString().replace('\\', '/');
        return p.contains("/org/rlmworkbench/runner/schemes/");
    }

    /** Saves the scheme under the user's scheme folder, with its file's name, and makes that the current file. */
    public Path saveCopyInUserFolder() throws IOException {
        Path name = getFile() == null ? Path.of(getScheme().name() + ".json") : getFile().getFileName();
        Path copy = userSchemes.resolve(name.toString());
        saveAs(copy);
        return copy;
    }

    /** Saves to {@code path} atomically and makes it the current file. */
    public void saveAs(Path path) throws IOException {
        SchemeIO.write(getScheme(), path);
        saved = getScheme();
        file.set(path);
        // what could not be read is not in the file any more: only the validator's findings remain
        readErrors.clear();
        recent.setAll(recentFiles.add(path));
        recovery.clear();
        refresh();
    }

    // ---------------------------------------------------------------- recovery

    /** Writes unsaved work to the recovery file, or clears it when there is none. */
    public void autosave() {
        if (!isDirty()) {
            recovery.clear();
            return;
        }
        try {
            recovery.save(getScheme(), getFile());
        } catch (IOException e) {
            // autosave is best effort; the next change tries again
        }
    }

    /** Work an earlier session left unsaved, if any. */
    public Optional<RecoveryStore.Recovered> pendingRecovery() {
        return recovery.pending();
    }

    /** Takes recovered work back in; it stays unsaved (dirty) until the user saves it. */
    public void restore(RecoveryStore.Recovered r) {
        Scheme base = emptyScheme();
        if (r.file() != null) {
            SchemeLoad onDisk = SchemeIO.read(r.file());
            if (onDisk.scheme() != null) {
                base = onDisk.scheme();
            }
        }
        reset(base, r.file(), List.of());
        execute("Recover unsaved work", s -> r.scheme());
    }

    /** Drops recovered work that the user did not want. */
    public void discardRecovery() {
        recovery.clear();
    }

    /** Called on a clean close (after the user saved or chose to discard). */
    public void closed() {
        recovery.clear();
    }

    /** Positions of the given nodes, for a drag's start. */
    public Map<String, Position> positionsOf(Set<String> ids) {
        Map<String, Position> out = new HashMap<>();
        getScheme().nodes().stream().filter(n -> ids.contains(n.id())).forEach(n -> out.put(n.id(), n.position()));
        return out;
    }
}
