// A cached response body in the three encodings it is sent in, each made once when the entry is
// stored: every reader of a page gets the same bytes (its CSP lists the page's script hashes, no
// per-response nonce), so a hit writes one of these buffers as it is.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Encoding } from "@/server/response-cache/request-rules";

export interface StoredBody {
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  /** Bytes kept, for the cache's memory budget. */
  size: number;
}

// Every cache miss pays for compressing, on the thread that answers readers, and some entries live
// half a second (a busy story's comment list). Measured on a 74 KB article page and a 5 KB
// comment list: brotli's maximum quality (11) took 115 ms and 12 ms, more than rendering them,
// for a body 9% smaller than quality 5 (2-3 ms and 0.1 ms); gzip level 9 took 1.5 times level 6
// for the same size within 0.5%.
const GZIP_LEVEL = 6;
const BROTLI_QUALITY = 5;

export function storeBody(body: Buffer): StoredBody {
  // Copied out: a rendered body can be a view into a larger buffer, and zlib hands back views
  // into its 16 KB output chunks; kept as they are, entries held several times what they
  // measure, far past the cache's byte budget (heap snapshot: 1.1 GB of zlib chunks behind 1,573
  // entries counted as 134 MB).
  const identity = exactCopy(body);
  const gzip = exactCopy(gzipSync(body, { level: GZIP_LEVEL }));
  const brotli = exactCopy(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  return { identity, gzip, brotli, size: identity.length + gzip.length + brotli.length };
}

/** The stored bytes in `encoding`. */
export function storedBodyIn(body: StoredBody, encoding: Encoding): Buffer {
  return encoding === "br" ? body.brotli : encoding === "gzip" ? body.gzip : body.identity;
}

/** `bytes` in a buffer of their exact size (not a view into a larger or shared one). */
function exactCopy(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}
