// Building blocks every input schema uses, so that text, ids, versions and dates are checked
// once, the same way, everywhere (forms, server actions, the API). Shared with the browser:
// no Node-only APIs here.
import { z } from "zod";
import "@/lib/schemas/korean-messages";

/** PostgreSQL `integer` is 32-bit signed: anything larger would be a database error, not a 4xx. */
export const PG_INT_MAX = 2_147_483_647;

// NUL cannot be stored in PostgreSQL text; a lone surrogate is not text at all (it breaks UTF-8
// encoding further down). Both are refused with a message rather than stripped silently.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is text we can store: no NUL, no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * A value from an address (a section's or tag's slug) to look a row up by, NFC-normalised, or
 * null when no row can have it: NUL or broken Unicode (PostgreSQL refuses such text with an
 * error, not an empty result) or longer than any stored key.
 */
export function lookupKeyOrNull(raw: string, maxLength = 200): string | null {
  if (raw.length > maxLength * 4 || !isStorableText(raw)) return null;
  const key = raw.normalize("NFC");
  return key.length <= maxLength ? key : null;
}

const UNSTORABLE_TEXT_MESSAGE = "입력에 쓸 수 없는 문자(NUL 또는 깨진 유니코드)가 있습니다.";

interface TextOptions {
  /** Trim surrounding white space (default true). */
  trim?: boolean;
  min?: number;
  max: number;
  minMessage?: string;
  maxMessage?: string;
}

/**
 * A text field: refuses NUL and lone surrogates, normalises to NFC (so "한" typed as jamo and
 * as a syllable are the same text), trims, then checks the length in UTF-16 units.
 */
export function safeText(options: TextOptions) {
  const { trim = true, min = 0, max } = options;
  return z
    .string({ error: "글자로 입력하세요." })
    .max(max * 4, options.maxMessage ?? `${max}자 이하로 입력하세요.`)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
    .transform((value) => {
      const normalised = value.normalize("NFC");
      return trim ? normalised.trim() : normalised;
    })
    .pipe(
      z
        .string()
        .min(min, options.minMessage ?? (min <= 1 ? "내용을 입력하세요." : `${min}자 이상 입력하세요.`))
        .max(max, options.maxMessage ?? `${max}자 이하로 입력하세요.`),
    );
}

/** What a list's search box sends (?q=): text we can store, at most 100 characters; empty is none. */
export const searchTermSchema = safeText({ max: 100, maxMessage: "검색어는 100자 이하로 입력하세요." }).optional();

/** A positive id of a PostgreSQL `integer` column (sections, tags, articles, comments). */
export function intId(message = "번호가 올바르지 않습니다.") {
  return z.number({ error: message }).int(message).min(1, message).max(PG_INT_MAX, message);
}

/** An optimistic-concurrency version number, within PostgreSQL's integer range. */
export const versionSchema = z
  .number({ error: "저장 번호(version)가 필요합니다." })
  .int("저장 번호(version)가 올바르지 않습니다.")
  .min(1, "저장 번호(version)가 올바르지 않습니다.")
  .max(PG_INT_MAX, "저장 번호(version)가 올바르지 않습니다.");

/** A cuid-like string id (media, users, revisions). */
export const stringId = z
  .string({ error: "식별자가 올바르지 않습니다." })
  .regex(/^[a-z0-9]{1,40}$/i, "식별자가 올바르지 않습니다.");

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * A moment between 2000 and 2100, from an ISO string (with offset) or a Date. JavaScript dates
 * reach year 275760, which PostgreSQL cannot store: such input is refused, never stored as null.
 */
export const sensibleDate = z
  .union([z.string().max(40), z.date()], { error: "날짜와 시각을 올바르게 입력하세요." })
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    const time = date.getTime();
    if (Number.isNaN(time) || time < EARLIEST || time >= LATEST) {
      ctx.addIssue({ code: "custom", message: "날짜와 시각을 올바르게 입력하세요 (2000년부터 2099년까지)." });
      return z.NEVER;
    }
    return date;
  });

/** One query-string value: a name given twice (?a=1&a=2) arrives as an array; the first counts. */
export function singleParam(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

/** A page number from a query string: 1 when absent or nonsense, never more than `max`. */
export function pageNumber(raw: string | string[] | undefined, max = 10_000): number {
  const value = Number(singleParam(raw));
  if (!Number.isSafeInteger(value) || value < 1) return 1;
  return Math.min(value, max);
}
