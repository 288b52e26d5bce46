"use client";
// What the story still lacks before it can go to the desk (the server's own rule,
// lib/articles/workflow/submission-requirements.ts), shown from the first try to submit and recomputed as
// the writer fixes it: each line goes when its field is satisfied, the notice when all are.
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorBridge } from "@/components/editor/editor-bridge";
import { editorPlainText } from "@/components/editor/word-count";
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { submissionProblems, type SubmissionProblem } from "@/lib/articles/workflow/submission-requirements";

// After typing pauses, as the word count does: the check reads the whole body.
const RECHECK_DELAY_MS = 300;

function problemsOf(editor: Editor, bridge: EditorBridge): SubmissionProblem[] {
  const { meta } = bridge;
  return submissionProblems({
    headline: meta.headline,
    sectionId: meta.sectionId,
    origin: meta.origin,
    originSource: meta.originSource,
    bodyText: editorPlainText(editor),
    body: editor.getJSON() as { content?: BodyNode[] },
    hero: meta.hero ? { mediaId: meta.hero.id, alt: meta.heroAlt, credit: meta.heroCredit } : null,
    pollSurvey: meta.pollSurvey,
  });
}

export function useSubmissionCheck(editor: Editor | null, bridge: EditorBridge) {
  const [problems, setProblems] = useState<SubmissionProblem[] | null>(null);
  const checking = problems !== null;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Checks now and keeps checking from here on; the problems found (empty: the story may go). */
  const check = useCallback((): SubmissionProblem[] => {
    if (!editor) return [];
    const found = problemsOf(editor, bridge);
    setProblems(found);
    return found;
  }, [editor, bridge]);

  /** A field changed: checked again shortly, once checking has begun. */
  const recheckSoon = useCallback(() => {
    if (!checking || !editor) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setProblems(problemsOf(editor, bridge)), RECHECK_DELAY_MS);
  }, [checking, editor, bridge]);

  useEffect(() => {
    if (!checking || !editor) return;
    editor.on("update", recheckSoon);
    return () => {
      editor.off("update", recheckSoon);
      clearTimeout(timer.current);
    };
  }, [checking, editor, recheckSoon]);

  return { problems: problems ?? [], check, recheckSoon };
}
