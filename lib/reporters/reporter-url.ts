import { slugFor } from "@/lib/articles/public/slug";

// A reporter page's address is /reporters/<number>-<name>: the staff member's own number
// (User.reporterNumber, never reused or changed) and their name as a slug, percent-encoded so
// that Hangul survives every client, sitemap and feed (/reporters/2-%EB%B0%95%EC%84%9C%EC%97%B0,
// shown by browsers as /reporters/2-박서연). The number alone decides the page: a changed name,
// a mangled or missing name part, and the old opaque addresses (/reporters/<cuid>) all answer
// with a permanent redirect to the current address.

export interface ReporterAddress {
  reporterNumber: number;
  name: string;
}

export function reporterPath({ reporterNumber, name }: ReporterAddress): string {
  return `/reporters/${reporterNumber}-${encodeURIComponent(slugFor(name))}`;
}

export type ReporterSegment =
  | { kind: "number"; reporterNumber: number; slug: string | null }
  /** An address from before the readable ones: the account's id. */
  | { kind: "legacy-id"; id: string };

/** What a /reporters/<segment> address names (raw or already decoded), or null for nothing. */
export function parseReporterSegment(raw: string): ReporterSegment | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw).normalize("NFC");
  } catch {
    return null;
  }
  const numbered = /^(\d{1,9})(?:-(.*))?$/s.exec(segment);
  if (numbered) return { kind: "number", reporterNumber: Number(numbered[1]), slug: numbered[2] ?? null };
  // Staff ids are cuids: lower-case letters and digits, starting with a letter.
  if (/^[a-z][a-z0-9]{0,39}$/i.test(segment)) return { kind: "legacy-id", id: segment };
  return null;
}

/** Whether a parsed address is the reporter's current one (else it is redirected there). */
export function isCanonicalReporterSegment(segment: ReporterSegment, reporter: ReporterAddress): boolean {
  return segment.kind === "number" && segment.reporterNumber === reporter.reporterNumber && segment.slug === slugFor(reporter.name);
}
