// The one diff of two states of a story, field by field, for people to read: the history panel
// (any two revisions, or a revision and the working copy), and later the desk's review screens
// ("pending update vs live", "resubmitted vs what the desk last saw"). It takes two snapshots,
// whatever they were loaded from (lib/articles/revisions/article-snapshots.ts loads them on the server).
// Pure and free of Node APIs, so a browser can run it too.
//
// Text is compared word by word with the `diff` package over words found by Intl.Segmenter:
// Korean words are space-separated and carry their particles, so a changed particle shows as the
// whole word replaced (정부가 -> 정부는), not as a scatter of syllables. Long text (the body) is
// compared line by line first, and only the changed lines word by word, so a 300,000-character
// story with a few edits stays fast; a huge rewrite falls back to whole blocks.
import { diffArrays } from "diff";

export interface ArticleSnapshot {
  headline: string;
  subHeadlines: string[];
  summary: string;
  section: { id: number; name: string } | null;
  tags: string[];
  hero: { id: string; label: string } | null;
  heroCaption: string;
  heroCredit: string;
  /** 출처 유형 with its source, as people read it ("통신 · 연합뉴스", "출처 미기록"). */
  origin: string;
  /** The main photo's alt text for this story (empty: the library's). */
  heroAlt: string;
  /** An election poll story's particulars as lines of text (lib/elections/poll-survey.ts pollSurveyAsText); empty: not a poll story. */
  pollSurvey: string;
  /** The body's plain text, one line per block. */
  bodyText: string;
}

type DiffFieldName = "headline" | "subHeadlines" | "summary" | "section" | "tags" | "origin" | "pollSurvey" | "hero" | "heroCaption" | "heroCredit" | "heroAlt" | "body";

export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FieldDiff {
  field: DiffFieldName;
  label: string;
  changed: boolean;
  segments: DiffSegment[];
}

const DIFF_FIELD_LABELS: Record<DiffFieldName, string> = {
  headline: "제목",
  subHeadlines: "부제",
  summary: "요약",
  section: "섹션",
  tags: "태그",
  origin: "출처 유형",
  pollSurvey: "선거여론조사 표기",
  hero: "대표 사진",
  heroCaption: "사진 설명",
  heroCredit: "사진 출처",
  heroAlt: "대체 텍스트",
  body: "본문",
};

// Beyond these many edits the comparison gives up and shows the blocks as replaced: the cost of
// the algorithm grows with (length x edits).
const MAX_LINE_EDITS = 2_000;
const MAX_WORD_EDITS = 3_000;

const wordSegmenter = new Intl.Segmenter("ko", { granularity: "word" });

function words(text: string): string[] {
  return Array.from(wordSegmenter.segment(text), (part) => part.segment);
}

/** Lines with their line break kept (the last one has none). */
function lines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

function replaced(before: string, after: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  if (before) out.push({ kind: "removed", text: before });
  if (after) out.push({ kind: "added", text: after });
  return out;
}

/**
 * Reads better: white space between two changes joins them ("-시장은 어제 +구청장은 오늘" rather
 * than "-시장은 +구청장은 = -어제 +오늘"); within a change the removed text comes first; neighbours
 * of one kind are merged.
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  segments.forEach((segment, index) => {
    if (segment.text === "") return;
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else {
      // Only inside a replacement: a space between two insertions stays a plain space.
      const inReplacement = removed !== "" && added !== "";
      const next = segments[index + 1];
      if (inReplacement && /^[^\S\n]+$/u.test(segment.text) && next && next.kind !== "same") {
        removed += segment.text;
        added += segment.text;
        return;
      }
      flush();
      const last = out.at(-1);
      if (last?.kind === "same") last.text += segment.text;
      else out.push({ kind: "same", text: segment.text });
    }
  });
  flush();
  return out;
}

/**
 * A lower bound of the edits between two token lists: every token beyond what they have in common
 * must be added or removed. When even that exceeds the cap, the full comparison is skipped (it
 * would run to the cap for nothing: a rewritten story costs milliseconds instead of seconds).
 */
function minimumEdits(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  return a.length + b.length - 2 * common;
}

function diffTokens(a: string[], b: string[], maxEdits: number) {
  return minimumEdits(a, b) > maxEdits ? undefined : diffArrays(a, b, { maxEditLength: maxEdits });
}

function diffWordsOf(before: string, after: string): DiffSegment[] {
  const changes = diffTokens(words(before), words(after), MAX_WORD_EDITS);
  if (!changes) return replaced(before, after);
  return changes.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value.join("") }));
}

/** Word-level segments turning `before` into `after`; concatenating same+removed gives `before`, same+added gives `after`. */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const lineChanges = diffTokens(lines(before), lines(after), MAX_LINE_EDITS);
  if (!lineChanges) return replaced(before, after);
  const segments: DiffSegment[] = [];
  for (let index = 0; index < lineChanges.length; index += 1) {
    const change = lineChanges[index]!;
    if (!change.added && !change.removed) {
      segments.push({ kind: "same", text: change.value.join("") });
      continue;
    }
    // A run of removed and added lines: compare them word by word.
    let removedLines = "";
    let addedLines = "";
    for (; index < lineChanges.length && (lineChanges[index]!.added || lineChanges[index]!.removed); index += 1) {
      const part = lineChanges[index]!;
      if (part.removed) removedLines += part.value.join("");
      else addedLines += part.value.join("");
    }
    index -= 1;
    segments.push(...diffWordsOf(removedLines, addedLines));
  }
  return tidy(segments);
}

/** Tags compared as whole names, shown comma-separated. */
function diffList(before: string[], after: string[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const change of diffArrays(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const item of change.value) {
      if (segments.length > 0) segments.push({ kind: "same", text: ", " });
      segments.push({ kind, text: item });
    }
  }
  return segments;
}

/** A value that is replaced as a whole (a section, a photo). */
function diffValue(before: { key: string | number; text: string } | null, after: { key: string | number; text: string } | null): DiffSegment[] {
  if (before?.key === after?.key) return before ? [{ kind: "same", text: before.text }] : [];
  return replaced(before?.text ?? "", after?.text ?? "");
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** Every field of the story, in the order the editor shows them, with whether it changed and how. */
export function diffArticleSnapshots(from: ArticleSnapshot, to: ArticleSnapshot): FieldDiff[] {
  const field = (name: DiffFieldName, changed: boolean, segments: DiffSegment[]): FieldDiff => ({ field: name, label: DIFF_FIELD_LABELS[name], changed, segments });
  const section = (snapshot: ArticleSnapshot) => (snapshot.section ? { key: snapshot.section.id, text: snapshot.section.name } : null);
  const hero = (snapshot: ArticleSnapshot) => (snapshot.hero ? { key: snapshot.hero.id, text: snapshot.hero.label } : null);
  return [
    field("headline", from.headline !== to.headline, diffText(from.headline, to.headline)),
    field("subHeadlines", !sameList(from.subHeadlines, to.subHeadlines), diffText(from.subHeadlines.join("\n"), to.subHeadlines.join("\n"))),
    field("summary", from.summary !== to.summary, diffText(from.summary, to.summary)),
    field("section", from.section?.id !== to.section?.id, diffValue(section(from), section(to))),
    field("tags", !sameList(from.tags, to.tags), diffList(from.tags, to.tags)),
    field("origin", from.origin !== to.origin, diffValue({ key: from.origin, text: from.origin }, { key: to.origin, text: to.origin })),
    field("pollSurvey", from.pollSurvey !== to.pollSurvey, diffText(from.pollSurvey, to.pollSurvey)),
    field("hero", from.hero?.id !== to.hero?.id, diffValue(hero(from), hero(to))),
    field("heroCaption", from.heroCaption !== to.heroCaption, diffText(from.heroCaption, to.heroCaption)),
    field("heroCredit", from.heroCredit !== to.heroCredit, diffText(from.heroCredit, to.heroCredit)),
    field("heroAlt", from.heroAlt !== to.heroAlt, diffText(from.heroAlt, to.heroAlt)),
    field("body", from.bodyText !== to.bodyText, diffText(from.bodyText, to.bodyText)),
  ];
}
