/**
 * The editor's view model, tested without a window: the scheme being edited (immutable), one
 * command stack of {@link org.rlmworkbench.editor.model.Edit}s for undo and redo, the rules for
 * wires, the clipboard, tidy layout, files, recent files and crash recovery.
 */
package org.rlmworkbench.editor.model;
