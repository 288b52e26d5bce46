import type { Editor } from "@tiptap/core";

/**
 * Puts the caret back in the editor at once, with ProseMirror's selection written to the page.
 * Tiptap's focus command waits for an animation frame, and a key typed before it (Enter in a
 * dialog's field, then straight on with the story) would go to a caret the editor has not set: a
 * space typed right after a new link would be lost (tests/e2e/story-editor.test.ts types on at once).
 * Called when an editor dialog has closed, so the editor is no longer inert behind it.
 */
export function focusEditorNow(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.focus();
}
