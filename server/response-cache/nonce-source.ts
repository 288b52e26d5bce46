// Fresh CSP nonces for cached pages, one per response: 128 bits from the operating system's
// CSPRNG each, but drawn from a 4 KB block that is refilled when used up. One
// randomFillSync per 256 responses instead of one per response: a call cost about 17 µs here,
// the largest cost of a cache hit after writing to the socket (--cpu-prof of a cached-article
// run). Bytes are never handed out twice.
import { randomBytes } from "node:crypto";

const NONCE_BYTES = 16;
const NONCES_PER_BLOCK = 256;

let block = Buffer.alloc(0);
let offset = 0;

/** A new nonce (base64 of 16 random bytes), never returned before. */
export function freshNonce(): string {
  if (offset + NONCE_BYTES > block.length) {
    block = randomBytes(NONCE_BYTES * NONCES_PER_BLOCK);
    offset = 0;
  }
  const nonce = block.toString("base64", offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
