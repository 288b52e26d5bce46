// Story HTML for places that show it away from our site (feed readers): relative links and
// image addresses made absolute. Parsed, not pattern-matched, with the same sanitizer library
// that cleaned the HTML in the first place; nothing is allowed here that was not there before.
import sanitizeHtml from "sanitize-html";

function absolute(value: string, base: string): string {
  try {
    return new URL(value, `${base}/`).toString();
  } catch {
    return value;
  }
}

function absoluteSrcSet(value: string, base: string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return url ? [absolute(url, base), ...descriptor].join(" ") : "";
    })
    .filter(Boolean)
    .join(", ");
}

export function absolutizeHtml(html: string, base: string): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: false,
    transformTags: {
      "*": (tagName, attribs) => {
        const next = { ...attribs };
        for (const name of ["href", "src", "poster"] as const) if (next[name]) next[name] = absolute(next[name], base);
        if (next.srcset) next.srcset = absoluteSrcSet(next.srcset, base);
        return { tagName, attribs: next };
      },
    },
  });
}
