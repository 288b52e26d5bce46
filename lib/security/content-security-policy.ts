// The Content-Security-Policy of HTML pages: scripts only from this site and with this
// response's nonce (Next.js puts the nonce on its own inline scripts), no plugins, no framing of
// the newsroom, forms only to this site. With a Kakao key set (KAKAO_JS_KEY), and only then,
// what the KakaoTalk share button needs from Kakao (lib/share/kakao-sdk.ts).
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
