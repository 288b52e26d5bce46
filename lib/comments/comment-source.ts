import "server-only";
// Who is commenting, as far as the site knows: a "source", the salted hash of the address the
// request came from (lib/auth/client-ip.ts, set by our own HTTP server, never a header a client
// can forge). Flood limits and bans count by it. Readers are shown only a short tag derived from
// it, so a regular is recognisable under the same nickname and an impostor using that nickname
// from elsewhere is not; the address itself is never stored or shown.
//
// IPv6 hosts change their last 64 bits at will (privacy addresses), so a source is the /64
// network. But a home or an office is usually given a /56 or a /48: 256 or 65,536 /64s, each one
// more "person" to a count by /64. So a visitor also has a wider source, the /48: what one person
// must not decide alone (reports that hide a comment, likes that rank it) counts one per /48, and
// posting has a second, looser flood limit per /48. For IPv4 both are the address.
import { createHash } from "node:crypto";
import { clientIpFrom, hashIp } from "@/lib/auth/client-ip";

export interface CommentVisitor {
  /** Salted hash of the visitor's network address (IPv4 address, IPv6 /64). */
  source: string;
  /** Salted hash of the visitor's wider network (IPv4 address, IPv6 /48). */
  widerSource: string;
}

/**
 * The network an address counts as: an IPv6 address's first `prefixLength` bits (64 or 48, as
 * "2001:db8:1:2::/64"); an IPv4 address (also IPv4-mapped IPv6) is itself.
 */
export function networkOf(ip: string, prefixLength: 48 | 64 = 64): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, prefixLength / 16)
    .map((group) => (Number.parseInt(group || "0", 16) || 0).toString(16))
    .join(":")}::/${prefixLength}`;
}

export function commentVisitorFrom(headers: { get(name: string): string | null }): CommentVisitor {
  const ip = clientIpFrom(headers);
  return { source: hashIp(networkOf(ip, 64)), widerSource: hashIp(networkOf(ip, 48)) };
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
