import type { Editor } from "@tiptap/core";

/**
 * Puts the caret back in the editor at once, with ProseMirror's selection written to the page.
 * Tiptap's focus command waits for an animation frame, and a key typed before it (Enter in a
 * dialog's field, then straight on with the story) went to a caret the editor had not set: the
 * space typed after a new link was lost (tests/e2e/story-editor.test.ts, in a clean-clone CI run).
 * Called when an editor dialog has closed, so the editor is no longer inert behind it.
 */
export function focusEditorNow(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.focus();
}
