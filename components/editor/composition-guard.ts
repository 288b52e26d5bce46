// Repairs what Chrome leaves behind when it silently drops an IME composition that began in an
// empty block (the start of the story, a line after Enter, a new list item).
//
// Seen in Chromium (tests/e2e/editor-ime.test.ts, a scratch loop of 30 runs × 3 block starts):
// when the first jamo is composed before Chrome has delivered the `selectionchange` for the caret
// ProseMirror just put in the new empty block, Chrome inserts the jamo but leaves its caret in
// front of it (p, 0), so it finds no text node there and does not keep the composition: no
// compositionend, and the IME's next step ("다" after "ㄷ") starts a new composition beside the
// old text. The stored text was "ㄷ다" or "ㅎ한국어". Every one of 26 such failures had no
// selectionchange between the Enter and the compositionstart; none of 180 block starts that had
// one failed; waiting 100 ms after Enter removed them all (0 of 30). Under load the event comes
// late, so a busy machine with a real IME can meet it too. Nothing of ours runs between the
// Enter's transaction and the compositionstart (no transaction, DOM write or React render in the
// logs), and re-setting the selection at compositionstart or forcing a layout
// did not help, so the damage is repaired instead.
//
// The rule: an IME's composition string holds everything composed so far, so when a composition
// starts while the previous one never ended, the text the dropped one left in its (otherwise
// empty) block is already part of the new one. That leftover is removed once the new composition
// has ended (never during a composition, which a transaction could break): it is the block's start
// when the new text went in after it, its end when Chrome's stale caret put the new text in front.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/**
 * The text a dropped composition left in its block: the block's content start (mapped through
 * later edits) and whether the IME's next composition went in after it (the leftover starts the
 * block) or, Chrome's caret being left in front of it, before it (the leftover ends the block).
 */
interface Leftover {
  blockStart: number;
  text: string;
  at: "start" | "end";
}

/** Leftovers not yet removed (another composition may drop before a pause lets one be removed). */
type Leftovers = readonly Leftover[];

const compositionGuardKey = new PluginKey<Leftovers>("compositionGuard");

/** The leftover of a dropped composition, if the caret's block holds exactly its text. */
function droppedCompositionLeftover(state: EditorState, composed: string): Leftover | null {
  const { $head, empty } = state.selection;
  if (!composed || !empty || !$head.parent.isTextblock || $head.parent.textContent !== composed) return null;
  return { blockStart: $head.start(), text: composed, at: $head.parentOffset === 0 ? "end" : "start" };
}

/** The transaction removing the leftover, or null when the block no longer has it where expected. */
function removeLeftover(state: EditorState, leftover: Leftover) {
  const $start = state.doc.resolve(leftover.blockStart);
  const block = $start.parent;
  if (!block.isTextblock || block.textContent === leftover.text) return null;
  const { text } = leftover;
  const end = leftover.blockStart + block.content.size;
  const atStart = block.textContent.startsWith(text) ? state.tr.delete(leftover.blockStart, leftover.blockStart + text.length) : null;
  const atEnd = block.textContent.endsWith(text) ? state.tr.delete(end - text.length, end) : null;
  return leftover.at === "start" ? (atStart ?? atEnd) : (atEnd ?? atStart);
}

export const CompositionGuard = Extension.create({
  name: "compositionGuard",
  addProseMirrorPlugins: () => [compositionGuardPlugin()],
});

function compositionGuardPlugin(): Plugin<Leftovers> {
  let composed = "";
  let repairTimer: ReturnType<typeof setTimeout> | undefined;

  const repair = (view: EditorView) => {
    const leftovers = compositionGuardKey.getState(view.state) ?? [];
    if (leftovers.length === 0 || view.composing || view.isDestroyed) return;
    // Last first: removing text from a later block leaves the earlier ones' positions as they are.
    const ordered = [...leftovers].sort((a, b) => b.blockStart - a.blockStart);
    let tr = view.state.tr;
    for (const leftover of ordered) {
      const removal = removeLeftover(view.state, leftover);
      if (removal) tr = removal.steps.reduce((into, step) => into.step(step), tr);
    }
    view.dispatch(tr.setMeta(compositionGuardKey, []));
  };

  return new Plugin<Leftovers>({
    key: compositionGuardKey,
    state: {
      init: () => [],
      apply: (tr, leftovers) => {
        const meta = tr.getMeta(compositionGuardKey) as Leftovers | undefined;
        if (meta !== undefined) return meta;
        if (leftovers.length === 0 || !tr.docChanged) return leftovers;
        return leftovers.flatMap((leftover) => {
          const blockStart = tr.mapping.mapResult(leftover.blockStart, -1);
          return blockStart.deleted ? [] : [{ ...leftover, blockStart: blockStart.pos }];
        });
      },
    },
    props: {
      handleDOMEvents: {
        compositionstart: (view) => {
          // Still composing by ProseMirror's account: the last composition never ended.
          const leftover = view.composing ? droppedCompositionLeftover(view.state, composed) : null;
          if (leftover) view.dispatch(view.state.tr.setMeta(compositionGuardKey, [...(compositionGuardKey.getState(view.state) ?? []), leftover]));
          composed = "";
          return false;
        },
        compositionupdate: (_view, event) => {
          composed = event.data;
          return false;
        },
        compositionend: (view) => {
          composed = "";
          clearTimeout(repairTimer);
          // After ProseMirror has read the composition's last change (a microtask after this event).
          if (compositionGuardKey.getState(view.state)?.length) repairTimer = setTimeout(() => repair(view), 0);
          return false;
        },
      },
    },
    view: () => ({ destroy: () => clearTimeout(repairTimer) }),
  });
}
