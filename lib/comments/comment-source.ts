import "server-only";
// Who is commenting, as far as the site knows: a "source", the salted hash of the address the
// request came from (lib/auth/client-ip.ts, set by our own HTTP server, never a header a client
// can forge). Flood limits, bans, likes and reports count by it. Readers are shown only a short
// tag derived from it, so a regular is recognisable under the same nickname and an impostor
// using that nickname from elsewhere is not; the address itself is never stored or shown.
import { createHash } from "node:crypto";
import { clientIpFrom, hashIp } from "@/lib/auth/client-ip";

export interface CommentVisitor {
  /** Salted hash of the visitor's network address. */
  source: string;
}

// IPv6 hosts change their last 64 bits at will (privacy addresses), so a source is the /64
// network; an IPv4-mapped IPv6 address is the IPv4 address it carries.
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group || "0", 16) || 0).toString(16))
    .join(":")}::/64`;
}

export function commentVisitorFrom(headers: { get(name: string): string | null }): CommentVisitor {
  return { source: hashIp(networkOf(clientIpFrom(headers))) };
}

// Crockford's base32 alphabet: no I, L, O or U to misread.
const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

/** The five-character tag shown beside a nickname, e.g. "k3x9q". */
export function sourceTag(source: string): string {
  const digest = createHash("sha256").update(`comment-tag:${source}`).digest();
  let bits = 0;
  let value = 0;
  let tag = "";
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && tag.length < 5) {
      tag += BASE32.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    if (tag.length === 5) break;
  }
  return tag;
}
