// HTTP Strict Transport Security: once a browser has seen the site over https, it never again
// asks for it over plain http (where a network in between could read or change the page, or the
// session cookie's first request). Sent when the public address (NEXTAUTH_URL) is https, on every
// answer, whichever part of the server gives it; a browser ignores it over plain http (RFC 6797),
// so answers that reach the app through a TLS-ending proxy carry it to the reader. Not for
// subdomains or the preload list: the paper's other hosts are not ours to decide.
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Strict-Transport-Security value for a site served at `publicUrl`, or null when it is not https. */
export function strictTransportSecurityFor(publicUrl: string | undefined): string | null {
  return publicUrl?.toLowerCase().startsWith("https://") ? `max-age=${ONE_YEAR_SECONDS}` : null;
}
