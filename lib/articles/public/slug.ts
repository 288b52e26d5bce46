// A story's slug: the headline's words joined by hyphens, Hangul kept as it is (Korean readers
// and search engines both read it in a URL; browsers show it decoded). Only ever used after the
// id (/articles/123/고양시-경제자유구역-지정-추진), so it need not be unique.
const MAX_SLUG_LENGTH = 80;

export function slugFor(headline: string): string {
  const words = headline
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG_LENGTH) ?? "") || "article";
}
