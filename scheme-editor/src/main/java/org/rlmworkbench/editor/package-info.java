/**
 * The scheme editor: a drag-and-drop node-graph editor for reasoning schemes.
 * {@link org.rlmworkbench.editor.SchemeEditorPane} is the node an application embeds;
 * {@link org.rlmworkbench.editor.SchemeEditorApp} runs it on its own. The view model lives in
 * {@code editor.model} (no controls), the views in {@code editor.view}; layout is in
 * {@code SchemeEditorPane.fxml} and looks in {@code scheme-editor.css}.
 */
package org.rlmworkbench.editor;
