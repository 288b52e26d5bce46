"use client";
// The story's fields other than the body (headline, deck, section, tags, summary, origin, poll
// particulars, hero photo):
// React state for the form, mirrored into the bridge so a save reads them without a render.
import { useCallback, useState } from "react";
import type { EditorArticle } from "@/lib/articles/editor/editor-types";
import type { EditorBridge, EditorMeta } from "@/components/editor/editor-bridge";

export const metaOf = (article: EditorArticle | null): EditorMeta => ({
  headline: article?.headline ?? "",
  subHeadlines: article?.subHeadlines.length ? article.subHeadlines : [""],
  sectionId: article?.sectionId ?? null,
  summary: article?.summary ?? "",
  tags: article?.tags ?? [],
  hero: article?.hero ?? null,
  heroCaption: article?.heroCaption ?? "",
  heroCredit: article?.heroCredit ?? "",
  // A story without alt text of its own shows (and on saving keeps) the library's.
  heroAlt: article?.heroAlt || article?.hero?.alt || "",
  origin: article?.origin ?? null,
  originSource: article?.originSource ?? "",
  pollSurvey: article?.pollSurvey ?? null,
});

export function useEditorMeta(bridge: EditorBridge) {
  const [meta, setMeta] = useState<EditorMeta>(() => bridge.meta);
  /** Shows fields that are not an edit (the server's copy, a restored backup): nothing to save. */
  const showMeta = useCallback(
    (next: EditorMeta) => {
      bridge.setMeta(next);
      setMeta(next);
    },
    [bridge],
  );
  /** The writer changed a field: shown, and the save engine told. */
  const changeMeta = useCallback(
    (change: Partial<EditorMeta>) => {
      showMeta({ ...bridge.meta, ...change });
      bridge.session?.markChanged();
    },
    [bridge, showMeta],
  );
  return { meta, showMeta, changeMeta };
}
