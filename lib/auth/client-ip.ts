// The client's address as our own HTTP server saw it. server/http-server.ts writes it into
// CLIENT_IP_HEADER on every request (and drops any value a client sent), so it cannot be forged
// the way X-Forwarded-For can. Behind a trusted reverse proxy, set TRUST_PROXY=1 to use the
// proxy's X-Forwarded-For instead.
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/config/env";

export const CLIENT_IP_HEADER = "x-newsroom-client-ip";

/** A salted hash of an IP address: enough to count and block, not enough to identify. */
export function hashIp(ip: string | null | undefined): string {
  const salt = serverEnv().IP_HASH_SALT ?? "newsroom-default-ip-salt";
  return createHash("sha256").update(`${salt}:${ip ?? "unknown"}`).digest("hex").slice(0, 32);
}

export function clientIpFrom(headers: { get(name: string): string | null }): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
