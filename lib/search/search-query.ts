// What a reader typed into the search box, made into search terms, or the reason there are
// none (shown as a friendly page, never an error). Shared with nothing in the browser.
import { isStorableText } from "@/lib/schemas/common";
import { stripJosa } from "@/lib/search/josa";
import { normalizeForSearch } from "@/lib/search/korean-text";

export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 5;

export type SearchQuery =
  | { kind: "terms"; text: string; terms: string[]; droppedTerms: number }
  | { kind: "empty" }
  | { kind: "too-long"; text: string }
  | { kind: "no-words"; text: string };

export function parseSearchQuery(raw: string | string[] | undefined): SearchQuery {
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  // Unstorable text (NUL, broken Unicode) has no words worth finding.
  if (!isStorableText(value)) return { kind: "no-words", text: "" };
  const text = value.normalize("NFC").trim();
  if (text === "") return { kind: "empty" };
  if (Array.from(text).length > MAX_QUERY_LENGTH) return { kind: "too-long", text: Array.from(text).slice(0, 40).join("") };
  const words = normalizeForSearch(text).split(" ").filter(Boolean);
  if (words.length === 0) return { kind: "no-words", text };
  const terms = [...new Set(words.map(stripJosa))];
  return { kind: "terms", text, terms: terms.slice(0, MAX_TERMS), droppedTerms: Math.max(0, terms.length - MAX_TERMS) };
}
