// Where a photo comes from: taken by our staff (자체), a wire agency's (통신, some contracts forbid
// passing these on to portals), handed out by the people in the story (제공), or from elsewhere
// (외부). Labels and the agency recognised in a credit line (IPTC/EXIF or typed). Pure and
// browser-safe.
import type { MediaOrigin } from "@/lib/generated/prisma/enums";

export type { MediaOrigin };

export const MEDIA_ORIGINS: readonly MediaOrigin[] = ["OWN", "WIRE", "HANDOUT", "EXTERNAL"];

export const MEDIA_ORIGIN_LABEL: Record<MediaOrigin, string> = {
  OWN: "자체",
  WIRE: "통신",
  HANDOUT: "제공",
  EXTERNAL: "외부",
};

const MEDIA_SOURCE_FIELD: Partial<Record<MediaOrigin, { label: string; missing: string; placeholder: string }>> = {
  WIRE: { label: "통신사", missing: "통신 사진은 통신사를 적어야 합니다.", placeholder: "예: 연합뉴스" },
  HANDOUT: { label: "제공한 곳", missing: "제공 사진은 제공한 곳을 적어야 합니다.", placeholder: "예: 고양특례시" },
  EXTERNAL: { label: "출처", missing: "외부 사진은 출처를 적어야 합니다.", placeholder: "예: 독자 제공" },
};

export function mediaOriginSourceField(origin: MediaOrigin | null | undefined): { label: string; placeholder: string } | null {
  const field = origin ? MEDIA_SOURCE_FIELD[origin] : undefined;
  return field ? { label: field.label, placeholder: field.placeholder } : null;
}

/** The source as stored: only for origins that have one. */
export function storedMediaOriginSource(origin: MediaOrigin | null | undefined, source: string): string {
  return origin && MEDIA_SOURCE_FIELD[origin] ? source.trim() : "";
}

/** Why this origin and source cannot be saved together (Korean), or null. */
export function mediaOriginProblem(origin: MediaOrigin | null | undefined, source: string): string | null {
  const field = origin ? MEDIA_SOURCE_FIELD[origin] : undefined;
  return field && !source.trim() ? field.missing : null;
}

/** "통신 · 연합뉴스", "자체", "출처 유형 미기록". */
export function describeMediaOrigin(origin: MediaOrigin | null | undefined, source: string): string {
  if (!origin) return "출처 유형 미기록";
  const name = storedMediaOriginSource(origin, source);
  return name ? `${MEDIA_ORIGIN_LABEL[origin]} · ${name}` : MEDIA_ORIGIN_LABEL[origin];
}

/**
 * Agencies as credits name them: Korean names, the English names their IPTC Credit and By-line
 * fields carry (YONHAP, NEWSIS, News1, AP, AFP, REUTERS, EPA ...), each mapped to one name.
 * Latin names match as whole words only, so "CAPITAL" or "EPAM" is not AP or EPA.
 */
const AGENCY_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: "연합뉴스", pattern: /연합뉴스|연합포토|\bYONHAP\b|\bYNA\b/i },
  { name: "뉴시스", pattern: /뉴시스|\bNEWSIS\b/i },
  { name: "뉴스1", pattern: /뉴스1|\bNEWS1\b|\bNEWS 1\b/i },
  { name: "로이터", pattern: /로이터|\bREUTERS\b/i },
  { name: "AFP", pattern: /\bAFP\b/i },
  { name: "EPA", pattern: /\bEPA\b/i },
  // "AP" alone, "AP Photo", "AP통신"; not "AP" inside a word.
  { name: "AP", pattern: /(?<![A-Za-z])AP(?![A-Za-z])|AP통신/ },
  { name: "신화통신", pattern: /신화통신|신화사|\bXINHUA\b/i },
  { name: "교도통신", pattern: /교도통신|\bKYODO\b/i },
];

/** The wire agency a credit line names ("사진=연합뉴스", "REUTERS/Kim Hong-Ji", "AP Photo/Ahn Young-joon"), or null. */
export function agencyNamedIn(credit: string): string | null {
  const text = credit.normalize("NFC");
  return AGENCY_PATTERNS.find(({ pattern }) => pattern.test(text))?.name ?? null;
}

/**
 * A new photo's origin: what the uploader chose (a wire photo without a named agency takes the one
 * its credit names), else 통신 with the agency when the credit (typed, or from the file's IPTC/EXIF)
 * names one, else not recorded. Check the result with `mediaOriginProblem`.
 */
export function originForNewPhoto(chosen: { origin?: MediaOrigin | null; originSource?: string }, credit: string): { origin: MediaOrigin | null; originSource: string } {
  if (chosen.origin) {
    const source = chosen.originSource?.trim() || (chosen.origin === "WIRE" ? (agencyNamedIn(credit) ?? "") : "");
    return { origin: chosen.origin, originSource: storedMediaOriginSource(chosen.origin, source) };
  }
  const agency = agencyNamedIn(credit);
  return agency ? { origin: "WIRE", originSource: agency } : { origin: null, originSource: "" };
}
