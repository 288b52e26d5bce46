// The gzip trailer of a spliced cached page is computed from its parts' CRC-32s: the combination
// must equal zlib's CRC-32 of the whole, for any parts (Node's gunzip also refuses a wrong one,
// which tests/unit/page-template.test.ts relies on).
import { fc, test } from "@fast-check/vitest";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { appendOperator, combineCrc32 } from "@/server/response-cache/crc32-combine";
import { freshNonce } from "@/server/response-cache/nonce-source";

describe("CRC-32 of a concatenation", () => {
  test.prop([fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 70_000 })], { numRuns: 60 })("equals zlib's CRC-32 of the joined bytes", (a, b) => {
    const joined = Buffer.concat([Buffer.from(a), Buffer.from(b)]);
    expect(combineCrc32(crc32(a), crc32(b), appendOperator(b.length))).toBe(crc32(joined));
  });

  it("appending nothing changes nothing; the known CRC of '123456789' comes out of its halves", () => {
    expect(combineCrc32(0x12345678, 0, appendOperator(0))).toBe(0x12345678);
    expect(combineCrc32(crc32("1234"), crc32("56789"), appendOperator(5))).toBe(0xcbf43926);
  });
});

describe("nonces for cached pages", () => {
  it("are 16 random bytes in base64, and never repeat across many blocks", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i += 1) {
      const nonce = freshNonce();
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      seen.add(nonce);
    }
    expect(seen.size).toBe(5_000);
  });
});
