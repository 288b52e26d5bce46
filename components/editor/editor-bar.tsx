"use client";
// The bar that stays at the top while writing: the save status, the counts and the actions. Its
// height (two rows on a phone) is published as --editor-bar-height so the body's toolbar sticks
// right under it.
import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import type { DraftSession } from "@/components/editor/draft-session";
import { SaveStatusBadge } from "@/components/editor/save-status";
import { WordCount } from "@/components/editor/word-count";

const publishHeight = (bar: HTMLDivElement | null) => {
  if (!bar) return;
  const observer = new ResizeObserver(() => bar.parentElement?.style.setProperty("--editor-bar-height", `${bar.offsetHeight}px`));
  observer.observe(bar);
  return () => observer.disconnect();
};

export function EditorBar({ session, editor, children }: { session: DraftSession; editor: Editor; /** The action buttons. */ children: ReactNode }) {
  return (
    <div className="editor-bar" ref={publishHeight}>
      <SaveStatusBadge session={session} />
      <WordCount editor={editor} />
      <div className="editor-bar__actions">{children}</div>
    </div>
  );
}
