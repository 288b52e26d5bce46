"use client";
// The live count, the way Korean desks count (lib/articles/body/manuscript-count.ts). Recounted half a
// second after typing pauses, never per keystroke, and at least every two seconds while it goes on:
// a steady typist (a key every 150 ms) never pauses that long, and the count stood still (the
// clean-clone CI's screenshot of a whole story showed "0자").
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { countManuscript, formatCount, type ManuscriptCount } from "@/lib/articles/body/manuscript-count";

const COUNT_DELAY_MS = 500;
const COUNT_MAX_WAIT_MS = 2_000;

/** The body's text as a reader reads it: blocks on their own lines, a hard break a line break. */
export function editorPlainText(editor: Editor): string {
  const { doc } = editor.state;
  return doc.textBetween(0, doc.content.size, "\n", (node) => (node.type.name === "hardBreak" ? "\n" : ""));
}

export function WordCount({ editor }: { editor: Editor }) {
  const [count, setCount] = useState<ManuscriptCount>(() => countManuscript(editorPlainText(editor)));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChangeAt: number | null = null;
    const recount = () => {
      firstChangeAt = null;
      setCount(countManuscript(editorPlainText(editor)));
    };
    const schedule = () => {
      const now = Date.now();
      firstChangeAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(recount, Math.min(COUNT_DELAY_MS, Math.max(0, firstChangeAt + COUNT_MAX_WAIT_MS - now)));
    };
    editor.on("update", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor]);
  return (
    <div className="word-count" aria-live="off" data-testid="word-count">
      <span title="공백 포함 글자 수">
        공백 포함 <strong data-count="with-spaces">{formatCount(count.withSpaces)}</strong>자
      </span>
      <span title="공백 제외 글자 수" className="word-count__optional">
        공백 제외 <strong data-count="without-spaces">{formatCount(count.withoutSpaces)}</strong>자
      </span>
      <span title="200자 원고지 매수: 공백 포함 글자 수 ÷ 200, 소수 첫째 자리에서 올림">
        원고지 <strong data-count="pages">{count.manuscriptPages.toFixed(1)}</strong>매
      </span>
    </div>
  );
}
