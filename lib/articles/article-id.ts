/** A story id from a URL segment (digits only, within int range), or null. */
export function parseArticleId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
