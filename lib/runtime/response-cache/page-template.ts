// A cached response body with its CSP nonce taken out, so every response can carry a fresh one
// while the expensive work (rendering, compressing) is done once. The body is kept as the
// segments between the nonce's occurrences, and, for gzip, as the raw DEFLATE of each segment
// compressed on its own: a response is then the segments' DEFLATE pieces with the new nonce in
// between as stored (uncompressed) DEFLATE blocks, wrapped in a gzip header and trailer. That is
// a valid gzip stream (RFC 1951/1952): each piece is byte-aligned (sync flush) and refers to no
// bytes before its own start. Only the CRC-32 is computed per response.
//
// Brotli streams cannot be spliced like that, so bodies that carry a nonce (HTML pages) are
// served as gzip or identity; bodies without one (feeds, sitemaps, robots.txt) also as brotli.
import { brotliCompressSync, constants, crc32, deflateRawSync, gzipSync } from "node:zlib";

export interface PageTemplate {
  /** The body split around each occurrence of the nonce (one more segment than occurrences). */
  segments: Buffer[];
  /** Each segment as raw DEFLATE: sync-flushed, except the last, which ends the stream. */
  deflated: Buffer[];
  /** When the body holds no nonce: the whole body compressed once. */
  gzip?: Buffer;
  brotli?: Buffer;
  /** Bytes kept, for the cache's memory budget. */
  size: number;
}

export function buildPageTemplate(body: Buffer, nonce: string | null): PageTemplate {
  const segments = nonce ? splitOn(body, Buffer.from(nonce)) : [body];
  if (segments.length === 1) {
    const gzip = gzipSync(body, { level: 9 });
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    return { segments, deflated: [], gzip, brotli, size: body.length + gzip.length + brotli.length };
  }
  const deflated = segments.map((segment, index) =>
    deflateRawSync(segment, { level: 9, finishFlush: index === segments.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
  const size = segments.reduce((sum, s) => sum + s.length, 0) + deflated.reduce((sum, d) => sum + d.length, 0);
  return { segments, deflated, size };
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
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  template.segments.forEach((segment, index) => {
    if (index > 0) {
      parts.push(nonceBlock);
      crc = crc32(nonceBytes, crc);
      length += nonceBytes.length;
    }
    parts.push(template.deflated[index] ?? Buffer.alloc(0));
    crc = crc32(segment, crc);
    length += segment.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
