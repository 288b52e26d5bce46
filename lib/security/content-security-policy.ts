// The Content-Security-Policy of HTML pages: scripts only from this site and with this
// response's nonce (Next.js puts the nonce on its own inline scripts), no plugins, no framing of
// the newsroom, forms only to this site. With a Kakao key set (KAKAO_JS_KEY), and only then,
// what the KakaoTalk share button needs from Kakao (lib/share/kakao-sdk.ts).
//
// A page the response cache keeps is sent to every reader as the same bytes, so it cannot carry
// a per-response nonce: its policy lists the SHA-256 of each inline script the render marked
// with its nonce instead (policyWithScriptHashes), and scripts from this site.
import { KAKAO_CSP_SOURCES } from "@/lib/share/kakao-sdk";

export function contentSecurityPolicy(options: { nonce: string; dev: boolean; framing: "none" | "self"; kakaoShare: boolean }): string {
  const kakao = (source: string) => (options.kakaoShare ? ` ${source}` : "");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}${kakao(KAKAO_CSP_SOURCES.script)}`,
    // Inline style attributes (React's style={...}) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${kakao(KAKAO_CSP_SOURCES.connect)}`,
    // The Web Push service worker (public/push-sw.js); without this, workers would fall back to
    // script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "object-src 'none'",
    // Story videos: only the privacy-enhanced YouTube embed the body renderer builds from an id.
    "frame-src https://www.youtube-nocookie.com",
    "base-uri 'self'",
    `form-action 'self'${kakao(KAKAO_CSP_SOURCES.form)}`,
    `frame-ancestors '${options.framing}'`,
  ].join("; ");
}

const NONCE_SOURCE = /^'nonce-([A-Za-z0-9+/=_-]+)'$/;

function directivesOf(policy: string): string[][] {
  return policy
    .split(";")
    .map((directive) => directive.trim().split(/\s+/))
    .filter((tokens) => tokens[0] !== "");
}

/** The nonce a policy's script-src allows, or null. */
export function scriptNonceIn(policy: string): string | null {
  const scriptSrc = directivesOf(policy).find((tokens) => tokens[0]?.toLowerCase() === "script-src") ?? [];
  for (const token of scriptSrc) {
    const nonce = NONCE_SOURCE.exec(token)?.[1];
    if (nonce) return nonce;
  }
  return null;
}

/**
 * `policy` with its script nonce replaced by the given SHA-256 hashes (base64), for a page whose
 * every copy is the same. 'strict-dynamic' goes with the nonce: under it a browser would ignore
 * 'self', and the page's framework scripts (same-site files, parser-inserted) carry no hash.
 * Every other directive stays as the render's policy had it. Null when `policy` has no nonce.
 */
export function policyWithScriptHashes(policy: string, sha256Hashes: readonly string[]): string | null {
  if (scriptNonceIn(policy) === null) return null;
  return directivesOf(policy)
    .map((tokens) => {
      if (tokens[0]?.toLowerCase() !== "script-src") return tokens.join(" ");
      const kept = tokens.filter((token) => !NONCE_SOURCE.test(token) && token.toLowerCase() !== "'strict-dynamic'");
      return [...kept, ...sha256Hashes.map((hash) => `'sha256-${hash}'`)].join(" ");
    })
    .join("; ");
}
