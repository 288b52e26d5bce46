// The Content-Security-Policy of HTML pages: scripts only from this site and with this
// response's nonce (Next.js puts the nonce on its own inline scripts), no plugins, no framing of
// the newsroom, forms only to this site.
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; framing: "none" | "self" }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style={...}) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // Story videos: only the privacy-enhanced YouTube embed the body renderer builds from an id.
    "frame-src https://www.youtube-nocookie.com",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors '${options.framing}'`,
  ].join("; ");
}
