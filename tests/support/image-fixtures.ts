// Image files for upload tests, built byte by byte where sharp cannot write what we need:
// IPTC (APP13) and EXIF (APP1) blocks with Korean text in UTF-8 or EUC-KR, PNG files whose header
// lies about their size, and files that are something else behind an image signature.
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

const u16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const u32 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
};

/** A plain JPEG of the given size (a gradient, so the encoder has something to do). */
export async function plainJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><rect x="0" y="0" width="${Math.round(width / 2)}" height="${height}" fill="#dd8833"/></svg>`), top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function plainPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 60, alpha: 0.5 } } }).png().toBuffer();
}

/** Inserts APP segments right after the JPEG's start-of-image marker. */
function withSegments(jpeg: Buffer, segments: { marker: number; payload: Buffer }[]): Buffer {
  const parts = segments.map(({ marker, payload }) => Buffer.concat([Buffer.from([0xff, marker]), u16(payload.length + 2), payload]));
  return Buffer.concat([jpeg.subarray(0, 2), ...parts, jpeg.subarray(2)]);
}

export interface IptcFields {
  caption?: Buffer;
  credit?: Buffer;
  byline?: Buffer;
  /** Declare UTF-8 (ESC % G) in record 1, as IPTC-conforming writers do. */
  declareUtf8?: boolean;
}

/** An APP13 "Photoshop 3.0" block holding an IPTC-IIM record with the given (already encoded) fields. */
function iptcSegment(fields: IptcFields): Buffer {
  const dataset = (record: number, tag: number, value: Buffer) => Buffer.concat([Buffer.from([0x1c, record, tag]), u16(value.length), value]);
  const datasets = [
    ...(fields.declareUtf8 ? [dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))] : []),
    dataset(2, 0, Buffer.from([0x00, 0x04])),
    ...(fields.byline ? [dataset(2, 80, fields.byline)] : []),
    ...(fields.credit ? [dataset(2, 110, fields.credit)] : []),
    ...(fields.caption ? [dataset(2, 120, fields.caption)] : []),
  ];
  let iptc = Buffer.concat(datasets);
  const size = iptc.length;
  if (iptc.length % 2 === 1) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  return Buffer.concat([Buffer.from("Photoshop 3.0\0", "latin1"), Buffer.from("8BIM", "latin1"), u16(0x0404), Buffer.from([0, 0]), u32(size), iptc]);
}

export interface ExifFields {
  imageDescription?: string;
  artist?: string;
  copyright?: string;
  /** EXIF orientation (1-8). */
  orientation?: number;
}

/** An APP1 EXIF block (big-endian TIFF, IFD0 only) with ASCII fields written as UTF-8, as most phones and Photoshop do. */
function exifSegment(fields: ExifFields): Buffer {
  const entries: { tag: number; type: number; count: number; value: Buffer }[] = [];
  const ascii = (tag: number, text: string | undefined) => {
    if (text === undefined) return;
    const bytes = Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0])]);
    entries.push({ tag, type: 2, count: bytes.length, value: bytes });
  };
  ascii(0x010e, fields.imageDescription);
  if (fields.orientation !== undefined) entries.push({ tag: 0x0112, type: 3, count: 1, value: Buffer.concat([u16(fields.orientation), u16(0)]) });
  ascii(0x013b, fields.artist);
  ascii(0x8298, fields.copyright);
  entries.sort((a, b) => a.tag - b.tag);

  const ifdStart = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  let dataOffset = ifdStart + ifdSize;
  const ifd: Buffer[] = [u16(entries.length)];
  const data: Buffer[] = [];
  for (const entry of entries) {
    ifd.push(u16(entry.tag), u16(entry.type), u32(entry.count));
    if (entry.value.length <= 4) {
      ifd.push(Buffer.concat([entry.value, Buffer.alloc(4 - entry.value.length)]));
    } else {
      ifd.push(u32(dataOffset));
      const padded = entry.value.length % 2 ? Buffer.concat([entry.value, Buffer.from([0])]) : entry.value;
      data.push(padded);
      dataOffset += padded.length;
    }
  }
  ifd.push(u32(0));
  const tiff = Buffer.concat([Buffer.from("MM\0*", "latin1"), u32(ifdStart), ...ifd, ...data]);
  return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
}

/** A real JPEG carrying the given IPTC and/or EXIF fields. */
export async function jpegWithMetadata(options: { width?: number; height?: number; iptc?: IptcFields; exif?: ExifFields }): Promise<Buffer> {
  const jpeg = await plainJpeg(options.width ?? 640, options.height ?? 480);
  const segments: { marker: number; payload: Buffer }[] = [];
  if (options.exif) segments.push({ marker: 0xe1, payload: exifSegment(options.exif) });
  if (options.iptc) segments.push({ marker: 0xed, payload: iptcSegment(options.iptc) });
  return withSegments(jpeg, segments);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32(data.length), typeAndData, u32(crc32(typeAndData))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, bitDepth: number, colourType: number): Buffer {
  return pngChunk("IHDR", Buffer.concat([u32(width), u32(height), Buffer.from([bitDepth, colourType, 0, 0, 0])]));
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of width x height pixels that are all black,
 * which deflates to a few KB (10,000 x 10,000 = 100 megapixels in about 12 KB).
 */
export function pngBomb(width = 10_000, height = 10_000): Buffer {
  const rowBytes = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(rowBytes * height); // filter byte 0 and zero pixels on every row
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height, 1, 0), pngChunk("IDAT", deflateSync(raw, { level: 9 })), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A PNG signature and header in front of an HTML page with a script: not an image at all. */
export function htmlBehindPngHeader(): Buffer {
  const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>', "utf8");
  return Buffer.concat([PNG_SIGNATURE, ihdr(32, 32, 8, 2), html]);
}

/** A genuine PNG that also carries an HTML script in a text chunk (a polyglot). */
export async function pngWithScriptChunk(): Promise<Buffer> {
  const png = await plainPng(64, 64);
  const text = pngChunk("tEXt", Buffer.from("Comment\0<script>alert(1)</script>", "latin1"));
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), text, png.subarray(iend)]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>',
  "utf8",
);
