/**
 * The editor's views: palette, canvas with node and wire skins, property sheet, problems list and
 * dialogs. They bind to {@link org.rlmworkbench.editor.model.SchemeEditorModel} and change the
 * scheme only through it. Style classes and pseudo-classes are named in
 * {@link org.rlmworkbench.editor.view.Styles}.
 */
package org.rlmworkbench.editor.view;
