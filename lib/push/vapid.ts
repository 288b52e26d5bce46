import "server-only";
// The newsroom's VAPID identity (RFC 8292): the key pair the push services know it by and whom
// they may contact. The embedded demo generates the pair on its first start (server/local-data.ts);
// a newsroom on its own database sets VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or offers no push.
import { serverEnv } from "@/lib/config/env";
import { publisher } from "@/lib/config/site";

export interface VapidIdentity {
  subject: string;
  publicKey: string;
  privateKey: string;
}

export function vapidIdentity(): VapidIdentity | null {
  const env = serverEnv();
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return null;
  return { subject: env.VAPID_SUBJECT ?? `mailto:${publisher.email}`, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
}

/** The public key browsers subscribe with (applicationServerKey), or null when push is not set up. */
export function pushPublicKey(): string | null {
  return vapidIdentity()?.publicKey ?? null;
}
