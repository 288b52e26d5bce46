import "server-only";
// A claimant's attachments (a court ruling, a letter, a screenshot): PDF documents and images,
// trusted for nothing but their bytes. Images go through the project's one image pipeline (type
// from the bytes, pixel limit before decoding, upright re-encoding without metadata) and are kept
// as one JPEG. A PDF must parse as PDF (pdf-lib), must not be encrypted, must carry no active
// content (scripts, launch actions, embedded files, forms that submit, rich media), and is kept as
// a new document made of its pages only, so nothing else in the upload survives.
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import sharp from "sharp";
import { ATTACHMENT_LIMITS } from "@/lib/claims/claim-kinds";
import { DomainError, invalid } from "@/lib/errors";
import { encodeImageVariants } from "@/lib/media/image-pipeline";

export interface CheckedAttachment {
  fileName: string;
  mimeType: "application/pdf" | "image/jpeg";
  bytes: Buffer;
  sha256: string;
}

/** An attachment as it arrived: a name the sender chose and its bytes. */
export interface ReceivedFile {
  name: string;
  bytes: Buffer;
}

const MB = 1024 * 1024;
/** Evidence screenshots are text: wide enough to read, no wider. */
const IMAGE_MAX_WIDTH = 2400;
const MAX_PDF_PAGES = 300;
const WRONG_TYPE = "PDF 문서나 사진(JPEG, PNG, WebP, GIF)만 첨부할 수 있습니다. (SVG, HTML과 그 밖의 파일은 받지 않습니다.)";

/** Keys that make a PDF do something when opened or clicked, beyond showing pages and plain links. */
const ACTIVE_PDF_KEYS = new Set(["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "AA", "SubmitForm", "ImportData", "GoToR", "GoToE", "Sound", "Movie"]);

/** A name safe to show and to send back in a download header: no path, no control characters, bounded. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, "").trim();
  return (cleaned || "첨부파일").slice(0, 100);
}

function refuse(file: ReceivedFile, message: string): DomainError {
  return invalid(`첨부 파일 「${cleanFileName(file.name)}」: ${message}`, { field: "attachments" });
}

/** Depth-first over every object reachable from `object`, looking for an active-content key. */
function findActiveKey(object: PDFObject | undefined, depth = 0): string | null {
  if (!object || depth > 64) return null;
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (ACTIVE_PDF_KEYS.has(name)) return name;
      if (name === "S" && value instanceof PDFName && ACTIVE_PDF_KEYS.has(value.decodeText())) return value.decodeText();
      const found = findActiveKey(value, depth + 1);
      if (found) return found;
    }
  } else if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) {
      const found = findActiveKey(object.get(index), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Parses, checks and rewrites a PDF; anything pdf-lib cannot read (a header over other bytes) is refused. */
async function checkPdf(file: ReceivedFile): Promise<Buffer> {
  try {
    return await rewritePdf(file);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof Error && /encrypt/i.test(error.message)) throw refuse(file, "암호가 걸린 PDF는 받지 않습니다. 암호를 풀어 다시 첨부하세요.");
    throw refuse(file, "PDF 문서로 읽을 수 없습니다.");
  }
}

async function rewritePdf(file: ReceivedFile): Promise<Buffer> {
  const source = await PDFDocument.load(file.bytes, { throwOnInvalidObject: true, updateMetadata: false });
  if (source.isEncrypted) throw refuse(file, "암호가 걸린 PDF는 받지 않습니다. 암호를 풀어 다시 첨부하세요.");
  const pages = source.getPageCount();
  if (pages === 0) throw refuse(file, "쪽이 없는 PDF입니다.");
  if (pages > MAX_PDF_PAGES) throw refuse(file, `PDF는 ${MAX_PDF_PAGES}쪽까지 받습니다.`);
  // Every object, including those packed in object streams (pdf-lib parses them on load).
  for (const [, object] of source.context.enumerateIndirectObjects()) {
    const key = findActiveKey(object);
    if (key) throw refuse(file, `스크립트나 실행 동작(${key})이 들어 있는 PDF는 받지 않습니다.`);
  }
  const copy = await PDFDocument.create({ updateMetadata: false });
  for (const page of await copy.copyPages(source, source.getPageIndices())) copy.addPage(page);
  return Buffer.from(await copy.save());
}

async function checkImage(file: ReceivedFile): Promise<Buffer> {
  const meta = await sharp(file.bytes, { limitInputPixels: false }).metadata().catch(() => undefined);
  if (!meta?.format || !["jpeg", "png", "webp", "gif"].includes(meta.format)) throw refuse(file, WRONG_TYPE);
  try {
    const [copy] = await encodeImageVariants(file.bytes, [IMAGE_MAX_WIDTH]);
    if (!copy) throw refuse(file, "사진을 읽을 수 없습니다.");
    return copy.jpeg;
  } catch (error) {
    if (error instanceof DomainError) throw refuse(file, error.message);
    throw error;
  }
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

/** Checks every attachment (count, sizes, type from the bytes, content) and returns what is kept. */
export async function checkAttachments(files: ReceivedFile[]): Promise<CheckedAttachment[]> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) throw invalid(`첨부 파일은 ${ATTACHMENT_LIMITS.maxFiles}개까지 올릴 수 있습니다.`, { field: "attachments" });
  let total = 0;
  for (const file of files) {
    if (file.bytes.length === 0) throw refuse(file, "빈 파일입니다.");
    if (file.bytes.length > ATTACHMENT_LIMITS.maxFileBytes) throw refuse(file, `파일 하나는 ${ATTACHMENT_LIMITS.maxFileBytes / MB}MB까지 올릴 수 있습니다.`);
    total += file.bytes.length;
  }
  if (total > ATTACHMENT_LIMITS.maxTotalBytes) throw invalid(`첨부 파일은 모두 합해 ${ATTACHMENT_LIMITS.maxTotalBytes / MB}MB까지 올릴 수 있습니다.`, { field: "attachments" });
  const checked: CheckedAttachment[] = [];
  for (const file of files) {
    const pdf = isPdf(file.bytes);
    const bytes = pdf ? await checkPdf(file) : await checkImage(file);
    const baseName = cleanFileName(file.name).replace(/\.[^.]{1,8}$/, "");
    checked.push({
      fileName: `${baseName}.${pdf ? "pdf" : "jpg"}`,
      mimeType: pdf ? "application/pdf" : "image/jpeg",
      bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return checked;
}
