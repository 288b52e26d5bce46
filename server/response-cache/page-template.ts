// A cached response body with its CSP nonce taken out, so every response can carry a fresh one
// while the expensive work (rendering, compressing) is done once. The body is kept as the
// segments between the nonce's occurrences, and, for gzip, as the raw DEFLATE of each segment
// compressed on its own: a response is then the segments' DEFLATE pieces with the new nonce in
// between as stored (uncompressed) DEFLATE blocks, wrapped in a gzip header and trailer. That is
// a valid gzip stream (RFC 1951/1952): each piece is byte-aligned (sync flush) and refers to no
// bytes before its own start. Per response only the nonce's CRC-32 is computed; the body's comes
// from the segments' stored CRCs (crc32-combine.ts).
//
// Brotli streams cannot be spliced like that, so bodies that carry a nonce (HTML pages) are
// served as gzip or identity; bodies without one (feeds, sitemaps, robots.txt) also as brotli.
import { brotliCompressSync, constants, crc32, deflateRawSync, gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { appendOperator, combineCrc32 } from "@/server/response-cache/crc32-combine";

export interface PageTemplate {
  /** The body split around each occurrence of the nonce (one more segment than occurrences). */
  segments: Buffer[];
  /** Each segment as raw DEFLATE: sync-flushed, except the last, which ends the stream. */
  deflated: Buffer[];
  /** Each segment's CRC-32 and the operator that appends it (for the gzip trailer). */
  segmentCrcs: { crc: number; operator: number }[];
  /** When the body holds no nonce: the whole body compressed once. */
  gzip?: Buffer;
  brotli?: Buffer;
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

export function buildPageTemplate(body: Buffer, nonce: string | null): PageTemplate {
  const segments = nonce ? splitOn(body, Buffer.from(nonce)) : [body];
  if (segments.length === 1) {
    // Copied out of zlib's output chunks, like the pieces below.
    const gzip = exactCopy([gzipSync(body, { level: GZIP_LEVEL })]);
    const brotli = exactCopy([brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })]);
    return { segments, deflated: [], segmentCrcs: [], gzip, brotli, size: body.length + gzip.length + brotli.length };
  }
  const pieces = segments.map((segment, index) =>
    deflateRawSync(segment, { level: GZIP_LEVEL, finishFlush: index === segments.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
  // zlib hands back each piece as a view into its 16 KB output chunk: kept as they are, a page's
  // 20-odd pieces held 400 KB where they need 25 KB, far past the cache's byte budget (heap
  // snapshot: 1.1 GB of such chunks behind 1,573 entries counted as 134 MB). One exact copy.
  const joined = exactCopy(pieces);
  let offset = 0;
  const deflated = pieces.map((piece) => joined.subarray(offset, (offset += piece.length)));
  const segmentCrcs = segments.map((segment) => ({ crc: crc32(segment), operator: appendOperator(segment.length) }));
  const size = segments.reduce((sum, s) => sum + s.length, 0) + deflated.reduce((sum, d) => sum + d.length, 0);
  return { segments, deflated, segmentCrcs, size };
}

/** `parts` joined in a buffer of their exact size (not a view into a larger or shared one). */
function exactCopy(parts: Buffer[]): Buffer {
  const joined = Buffer.allocUnsafeSlow(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) offset += part.copy(joined, offset);
  return joined;
}

function splitOn(body: Buffer, needle: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(needle, start); at !== -1; at = body.indexOf(needle, start)) {
    parts.push(body.subarray(start, at));
    start = at + needle.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** The body with `nonce` put back between the segments. */
export function identityBody(template: PageTemplate, nonce: string): Buffer {
  if (template.segments.length === 1) return template.segments[0] ?? Buffer.alloc(0);
  const nonceBytes = Buffer.from(nonce);
  const parts: Buffer[] = [];
  template.segments.forEach((segment, index) => {
    if (index > 0) parts.push(nonceBytes);
    parts.push(segment);
  });
  return Buffer.concat(parts);
}

// Whole bodies kept for reuse per template: a response then writes only its nonce into a body
// that already holds everything else, instead of copying the page (80 KB) and leaving the copy
// to the garbage collector. A body is in use from `take` until its response has been handed to
// the operating system ("finish"); one spare per page at most, within a byte budget of its own
// (the hot pages keep theirs, least recently used go first).
const spareBodies = new LRUCache<PageTemplate, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (body) => body.length || 1 });

/** A body for one response; `release` gives it back once the response no longer reads it. */
class ReusableBody {
  constructor(
    readonly body: Buffer,
    private readonly template: PageTemplate | null,
  ) {}

  release(): void {
    if (this.template) spareBodies.set(this.template, this.body);
  }
}

/**
 * The body with `nonce` in place, in a buffer that `release` gives back for the next response
 * (call it only once the buffer is no longer read: after the response's "finish").
 */
export function reusableIdentityBody(template: PageTemplate, nonce: string): ReusableBody {
  if (template.segments.length === 1) return new ReusableBody(template.segments[0] ?? Buffer.alloc(0), null);
  const body = spareBodies.get(template);
  if (body) spareBodies.delete(template);
  const segmentBytes = template.segments.reduce((sum, segment) => sum + segment.length, 0);
  if (!body || body.length !== segmentBytes + (template.segments.length - 1) * Buffer.byteLength(nonce, "latin1")) return new ReusableBody(identityBody(template, nonce), template);
  // Every nonce has the same length (16 bytes in base64): write it where each one goes.
  let at = template.segments[0]!.length;
  for (let index = 1; index < template.segments.length; index += 1) {
    at += body.write(nonce, at, "latin1");
    at += template.segments[index]!.length;
  }
  return new ReusableBody(body, template);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);

/** A non-final stored DEFLATE block holding `bytes` (at most 65,535 of them). */
function storedBlock(bytes: Buffer): Buffer {
  const length = bytes.length;
  const header = Buffer.from([0x00, length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff]);
  return Buffer.concat([header, bytes]);
}

/** The gzip body with `nonce` in place: precompressed pieces plus stored blocks, and the CRC. */
export function gzipBody(template: PageTemplate, nonce: string): Buffer {
  if (template.gzip) return template.gzip;
  const nonceBytes = Buffer.from(nonce);
  const nonceBlock = storedBlock(nonceBytes);
  const nonceCrc = crc32(nonceBytes);
  const nonceOperator = appendOperator(nonceBytes.length);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  template.segments.forEach((segment, index) => {
    if (index > 0) {
      parts.push(nonceBlock);
      crc = combineCrc32(crc, nonceCrc, nonceOperator);
      length += nonceBytes.length;
    }
    parts.push(template.deflated[index] ?? Buffer.alloc(0));
    const stored = template.segmentCrcs[index]!;
    crc = index === 0 ? stored.crc : combineCrc32(crc, stored.crc, stored.operator);
    length += segment.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
