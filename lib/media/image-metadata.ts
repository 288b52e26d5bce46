import "server-only";
// Caption and credit a photographer or agency wrote into the photo (IPTC, else EXIF), to pre-fill
// the library's fields. exifr reads IPTC strings as Latin-1 whatever their real encoding; Korean
// captions arrive as UTF-8 (the IPTC norm) or, from older agency systems, as EUC-KR (CP949), so
// the bytes are decoded again here.
import { open } from "node:fs/promises";
import exifr from "exifr";

export interface EmbeddedCaptionCredit {
  caption: string;
  credit: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const eucKr = new TextDecoder("euc-kr");

/** Re-decodes a string exifr produced byte-per-character (Latin-1). */
function redecode(latin1: string): string {
  const bytes = Uint8Array.from(latin1, (char) => char.charCodeAt(0) & 0xff);
  try {
    return utf8.decode(bytes);
  } catch {
    return eucKr.decode(bytes);
  }
}

// What cameras write into ImageDescription by themselves: not a caption.
const CAMERA_BOILERPLATE = /^(olympus digital camera|sony dsc|samsung camera pictures|dcim|default|image|picture|untitled)$/i;

function clean(value: string): string {
  return value.replace(/\u0000/g, "").replace(/\s+/gu, " ").trim().normalize("NFC");
}

/** An IPTC value (one string, or several for a repeated field such as By-line). */
function iptcText(value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  return clean(values.filter((item): item is string => typeof item === "string").map(redecode).join(", "));
}

/** An EXIF ASCII value; exifr decodes these as UTF-8, and one that was not (replacement characters) is useless. */
function exifText(value: unknown): string {
  if (typeof value !== "string" || value.includes("\uFFFD")) return "";
  const text = clean(value);
  return CAMERA_BOILERPLATE.test(text) ? "" : text;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * The head of an uploaded file: JPEG keeps EXIF and IPTC in segments of at most 64 KB each
 * before the image data. Read by us rather than handed to exifr as a path: exifr's own file
 * reader loads `fs` dynamically, which does not survive the server bundle.
 */
const METADATA_HEAD_BYTES = 512 * 1024;

async function fileHead(path: string): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(METADATA_HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Empty strings when the file has no such fields or cannot be read: metadata never blocks an
 * upload. `input`: the bytes, or the path of a file holding them (only its head is read).
 */
export async function readEmbeddedCaptionCredit(input: Buffer | string): Promise<EmbeddedCaptionCredit> {
  let parsed: unknown;
  try {
    const bytes = typeof input === "string" ? await fileHead(input) : input;
    parsed = await exifr.parse(bytes, { tiff: true, exif: false, gps: false, interop: false, ifd1: false, iptc: true, xmp: false, icc: false, jfif: false, ihdr: false, mergeOutput: false });
  } catch {
    return { caption: "", credit: "" };
  }
  const iptc = record(record(parsed).iptc);
  const ifd0 = record(record(parsed).ifd0);
  const caption = iptcText(iptc.Caption) || exifText(ifd0.ImageDescription);
  const credit = iptcText(iptc.Credit) || iptcText(iptc.Byline) || exifText(ifd0.Artist) || exifText(ifd0.Copyright);
  return { caption, credit };
}
